import type { Argv } from 'yargs';
import type { CommandContext } from '../main.js';
import { getAwsFilePaths } from '../files/paths.js';
import { emitData } from '../output.js';
import { formatStatus, runStatus } from './status.js';

export function registerStatusCommand(parser: Argv, context: CommandContext): Argv {
  return parser.command(
    'status',
    'Show what this shell selects and every stored session with its time left',
    (command) => command.example('$0 status --json', 'the same as JSON'),
    (argv) => {
      const report = runStatus({ env: context.env, paths: getAwsFilePaths(context.env), now: () => Date.now() });
      emitData(context.target, argv.json ? `${JSON.stringify(report, null, 2)}\n` : formatStatus(report));
    },
  );
}
