import type { Argv } from 'yargs';
import type { CommandContext } from '../main.js';
import { getAwsFilePaths } from '../files/paths.js';
import { emitPlan } from '../output.js';
import { createTerminalPrompter } from '../prompt.js';
import { buildActivationPlan } from '../session/activation.js';
import { loadSettings } from '../settings.js';
import { runUse } from './use.js';
import { UsageError } from '../errors.js';
import { parseSecondsOption, readEnvFlag, readEnvString } from '../env-options.js';

/**
 * Reject, before any code is spent, a direct call whose output would be secret keys on a
 * terminal: without the shell function nothing could use them, and they must not be shown.
 */
function assertSafeDirectCall(context: CommandContext, persist: boolean, exportSecrets: boolean): void {
  if (context.target.wrapper !== undefined || !process.stdout.isTTY || (persist && !exportSecrets)) {
    return;
  }
  throw new UsageError('without the shell function, --no-persist and --export-secrets would print secret keys to this terminal', `install the function with eval "$(awsmfa init ${context.target.shell})", or capture the code: eval "$(awsmfa use PROFILE --no-persist)"`);
}

export function registerUseCommand(parser: Argv, context: CommandContext): Argv {
  return parser.command(
    'use <profile>',
    'Activate PROFILE in this shell, starting an MFA or role session when needed',
    (command) =>
      command
        .positional('profile', { type: 'string', describe: 'Profile name (a base profile, role or stored session)' })
        .option('code', { type: 'string', describe: 'The six-digit one-time code (otherwise mfa_process or a prompt); starts a new session' })
        .option('mfa', { type: 'boolean', default: readEnvFlag(context.env, 'mfa') ?? true, describe: 'Use --no-mfa to select a base profile as it is (for a role: --via keys)' })
        .option('persist', { type: 'boolean', default: readEnvFlag(context.env, 'persist'), describe: 'Store the session in the credentials file (default: yes)' })
        .option('export-secrets', { type: 'boolean', default: readEnvFlag(context.env, 'export-secrets'), describe: 'Also export the keys into the environment' })
        .option('duration', {
          type: 'string',
          default: readEnvString(context.env, 'duration'),
          describe: 'Session length in seconds: 900 to 129600 for an MFA session, 900 to 43200 for a role session (3600 at most when chained)',
        })
        .option('via', {
          type: 'string',
          default: readEnvString(context.env, 'via'),
          describe:
            'For a role: what signs AssumeRole (always starts a new session). ' +
            "session: the source's live MFA session; code: a one-off MFA code; " +
            "new-session: a new MFA session of the source; keys: the source's keys without MFA; " +
            'or the name of a live session profile',
        })
        .example('$0 use dev', 'start or reuse an MFA session for profile dev')
        .example('$0 use dev --no-persist', 'keep the session in this shell only')
        .example('$0 use prod-admin', 'start or reuse a role session for the role profile prod-admin')
        .example('$0 use prod-admin --via dev-mfasession', 'assume the role with the live session dev-mfasession'),
    async (argv) => {
      const settings = await loadSettings(context.env);
      const persist = (argv.persist as boolean | undefined) ?? settings.persist ?? true;
      const exportSecrets = (argv['export-secrets'] as boolean | undefined) ?? settings.exportSecrets ?? false;
      assertSafeDirectCall(context, persist, exportSecrets);
      const activation = await runUse(
        {
          profile: String(argv.profile),
          code: argv.code as string | undefined,
          noMfa: argv.mfa === false,
          persist,
          exportSecrets,
          duration: parseSecondsOption(argv.duration, '--duration'),
          via: argv.via as string | undefined,
          quick: argv.full === true ? false : ((argv.quick as boolean | undefined) ?? settings.quick ?? false),
        },
        {
          env: context.env,
          paths: getAwsFilePaths(context.env),
          settings,
          now: () => Date.now(),
          createApi: async (region) => (await import('../aws/client.js')).createAwsApi({ region, env: context.env }),
          prompter: createTerminalPrompter(),
        },
      );
      emitPlan(context.target, buildActivationPlan(activation), activation.credentials !== undefined);
    },
  );
}
