import type { Argv } from 'yargs';
import { AwsmfaError } from '../errors.js';
import { getAwsFilePaths } from '../files/paths.js';
import type { CommandContext } from '../main.js';
import { loadSettings } from '../settings.js';
import { NO_PROMPT, runCredentialProcess } from './credential-process.js';

export function registerCredentialProcessCommand(parser: Argv, context: CommandContext): Argv {
  return parser.command(
    'credential-process <profile>',
    'Print session keys as credential_process JSON, for the AWS CLI and SDKs',
    (command) =>
      command
        .positional('profile', { type: 'string', describe: 'Profile whose live session (or mfa_process-started session) to hand out' })
        .example('credential_process = awsmfa credential-process dev', 'in a [profile ...] section of ~/.aws/config'),
    async (argv) => {
      // The JSON contains secret keys, so it goes to a program's pipe and never to a terminal.
      if (process.stdout.isTTY) {
        throw new AwsmfaError('credential-process prints secret keys, so it does not write them to a terminal', {
          hint: `use it from ~/.aws/config: credential_process = awsmfa credential-process ${String(argv.profile)}`,
        });
      }
      const settings = await loadSettings(context.env);
      const output = await runCredentialProcess(String(argv.profile), {
        env: context.env,
        paths: getAwsFilePaths(context.env),
        settings,
        now: () => Date.now(),
        createApi: async (region) => (await import('../aws/client.js')).createAwsApi({ region, env: context.env }),
        prompter: NO_PROMPT,
      });
      process.stdout.write(`${JSON.stringify(output)}\n`);
    },
  );
}
