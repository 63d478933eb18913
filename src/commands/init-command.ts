import type { Argv } from 'yargs';
import { UnsupportedShellError } from '../errors.js';
import type { CommandContext } from '../main.js';
import { emitData } from '../output.js';
import { readWrapperScript } from '../scripts.js';
import { isShellKind, SHELL_KINDS, type ShellKind } from '../shell/plan.js';

/** Shells that have a wrapper in `shell/` today. */
export const INIT_SHELLS: readonly ShellKind[] = ['bash', 'zsh'];

export function registerInitCommand(parser: Argv, context: CommandContext): Argv {
  return parser.command(
    'init <shell>',
    'Print the shell function (and completion) to add to your shell rc file',
    (command) => command.positional('shell', { type: 'string', describe: `One of ${INIT_SHELLS.join(', ')}` }).example('$0 init bash', 'eval "$(awsmfa init bash)" in ~/.bashrc'),
    (argv) => {
      emitData(context.target, runInit(String(argv.shell)));
    },
  );
}

export function runInit(shell: string): string {
  if (!isShellKind(shell) || !INIT_SHELLS.includes(shell)) {
    throw new UnsupportedShellError(shell, INIT_SHELLS.length ? INIT_SHELLS : SHELL_KINDS);
  }
  return readWrapperScript(shell);
}
