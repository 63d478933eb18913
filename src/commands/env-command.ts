import type { Argv } from 'yargs';
import { redact } from '../log.js';
import type { CommandContext } from '../main.js';
import { emitData } from '../output.js';
import { runEnv } from './env.js';
import { ENV_FORMATS, type EnvFormat } from './env-format.js';
import { buildSessionRequest, declareSessionOptions } from './env-session.js';

const TERMINAL_WARNING = 'awsmfa: this output holds secret keys; redirect it to a file or a pipe to keep them off the screen';

export function registerEnvCommand(parser: Argv, context: CommandContext): Argv {
  return parser.command(
    'env <profile>',
    "Print PROFILE's session as variables, keys included, for another shell or a script",
    (command) =>
      declareSessionOptions(command)
        .option('format', {
          choices: ENV_FORMATS,
          default: context.target.shell,
          describe: 'Output format: shell code, dotenv lines (NAME=\'value\') or a JSON object',
        })
        .example('$0 env dev --format dotenv > .env', 'write the session for docker compose or a dotenv reader')
        .example('$0 env dev --format json', 'print {"AWS_ACCESS_KEY_ID": …} for a script'),
    async (argv) => {
      const { input, deps } = await buildSessionRequest(argv, context, true);
      const result = await runEnv(input, argv.format as EnvFormat, deps);
      for (const message of result.messages) {
        process.stderr.write(`${redact(message)}\n`);
      }
      emitData(context.target, result.text, result.hasSecrets ? { terminalWarning: TERMINAL_WARNING } : {});
    },
  );
}
