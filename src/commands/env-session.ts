import type { Argv } from 'yargs';
import { getAwsFilePaths } from '../files/paths.js';
import type { CommandContext } from '../main.js';
import { createTerminalPrompter } from '../prompt.js';
import { loadSettings } from '../settings.js';
import { parseSecondsOption } from '../env-options.js';
import type { UseDeps, UseInput } from './use.js';

/**
 * Declare the options that `env` and `exec` share with `use`: how the session is started and
 * whether it is stored. The keys never change the calling shell with these commands.
 */
export function declareSessionOptions(command: Argv): Argv {
  return command
    .positional('profile', { type: 'string', describe: 'Profile name (a base profile, role or stored session)' })
    .option('code', { type: 'string', describe: 'The six-digit one-time code (otherwise mfa_process or a prompt)' })
    .option('mfa', { type: 'boolean', default: true, describe: 'Use --no-mfa to select a base profile as it is' })
    .option('persist', { type: 'boolean', describe: 'Store a new session in the credentials file (default: yes)' })
    .option('duration', { type: 'string', describe: 'Session length in seconds: 900 to 129600 for an MFA session, 900 to 43200 for a role session (3600 at most when chained)' })
    .option('via', { type: 'string', describe: 'For a role: what signs AssumeRole, as for `awsmfa use --via`' });
}

export interface SessionRequest {
  input: UseInput;
  deps: UseDeps;
}

/** Turn the parsed options into the input and dependencies of runUse, with settings applied. */
export async function buildSessionRequest(argv: Record<string, unknown>, context: CommandContext, exportSecrets: boolean | undefined): Promise<SessionRequest> {
  const settings = await loadSettings(context.env);
  const input: UseInput = {
    profile: String(argv.profile),
    code: argv.code as string | undefined,
    noMfa: argv.mfa === false,
    persist: (argv.persist as boolean | undefined) ?? settings.persist ?? true,
    exportSecrets: exportSecrets ?? settings.exportSecrets ?? false,
    duration: parseSecondsOption(argv.duration, '--duration'),
    via: argv.via as string | undefined,
    quick: argv.full === true ? false : ((argv.quick as boolean | undefined) ?? settings.quick ?? false),
  };
  const deps: UseDeps = {
    env: context.env,
    paths: getAwsFilePaths(context.env),
    settings,
    now: () => Date.now(),
    createApi: async (region) => (await import('../aws/client.js')).createAwsApi({ region, env: context.env }),
    prompter: createTerminalPrompter(),
  };
  return { input, deps };
}
