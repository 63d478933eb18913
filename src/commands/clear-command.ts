import type { Argv } from 'yargs';
import type { CommandContext } from '../main.js';
import { emitPlan } from '../output.js';
import { runClear } from './clear.js';

export function registerClearCommand(parser: Argv, context: CommandContext): Argv {
  return parser.command(
    'clear',
    'Remove the AWS session variables from this shell',
    (command) =>
      command
        .option('all', {
          type: 'boolean',
          default: false,
          describe: 'Also remove AWS_CONFIG_FILE and AWS_SHARED_CREDENTIALS_FILE (kept by default while their files exist)',
        })
        .example('$0 clear', 'remove the keys, AWS_PROFILE, region and expiry variables'),
    (argv) => {
      emitPlan(context.target, runClear({ all: argv.all === true }, context.env), false);
    },
  );
}
