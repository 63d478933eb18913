import type { Argv } from 'yargs';
import type { CommandContext } from '../main.js';
import { emitData } from '../output.js';
import { captureCommandTree } from './read-tree.js';

/** Hidden command that prints the command tree for src/completion/command-spec.json. */
export const COMPLETION_SPEC_COMMAND = '__completion-spec';

/**
 * Register `awsmfa __completion-spec`, which prints the command tree as JSON. Completion reads
 * the committed copy, because loading yargs on every Tab would be too slow; after changing a
 * command, run `node bin/awsmfa.js __completion-spec > src/completion/command-spec.json`.
 */
export function registerCompletionSpecCommand(parser: Argv, context: CommandContext): Argv {
  const buildSpec = captureCommandTree(parser);
  return parser.command({
    command: COMPLETION_SPEC_COMMAND,
    describe: false,
    handler: () => {
      emitData(context.target, `${JSON.stringify(buildSpec(), null, 2)}\n`);
    },
  });
}
