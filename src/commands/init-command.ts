import type { Argv } from 'yargs';
import { readCompletionScript } from '../completion/scripts.js';
import { UnsupportedShellError } from '../errors.js';
import type { CommandContext } from '../main.js';
import { emitData } from '../output.js';
import { readWrapperScript } from '../scripts.js';
import { isShellKind, SHELL_KINDS, type ShellKind } from '../shell/plan.js';

/** Shells that have a wrapper in `shell/`, which are all the shells awsmfa renders code for. */
export const INIT_SHELLS: readonly ShellKind[] = SHELL_KINDS;

export function registerInitCommand(parser: Argv, context: CommandContext): Argv {
  return parser.command(
    'init <shell>',
    "Print the shell function and completion for your shell's start-up file",
    (command) =>
      command
        .positional('shell', { choices: INIT_SHELLS, describe: 'The shell to print the wrapper for' })
        // Checked before yargs checks the choices, so the error is UnsupportedShellError.
        .middleware((argv) => {
          // --help must show the help even when no shell is named yet.
          if (argv.help !== true) {
            assertInitShell(String(argv.shell));
          }
        }, true)
        .example('$0 init bash', 'add eval "$(awsmfa init bash)" to ~/.bashrc (zsh, sh: the same)')
        .example('$0 init fish', 'add awsmfa init fish | source to ~/.config/fish/config.fish')
        .example('$0 init powershell', 'add awsmfa init powershell | Out-String | Invoke-Expression to $PROFILE')
        .example('$0 init cmd', 'save the output as a .cmd file and run it in every cmd window'),
    (argv) => {
      emitData(context.target, runInit(String(argv.shell)));
    },
  );
}

function assertInitShell(shell: string): ShellKind {
  if (!isShellKind(shell) || !INIT_SHELLS.includes(shell)) {
    throw new UnsupportedShellError(String(shell), INIT_SHELLS);
  }
  return shell;
}

/**
 * Return the wrapper for `shell` followed by its completion script (bash, zsh, fish, PowerShell).
 *
 * @throws UnsupportedShellError for a shell without a wrapper.
 */
export function runInit(shell: string): string {
  const kind = assertInitShell(shell);
  const wrapper = readWrapperScript(kind);
  const completion = readCompletionScript(kind);
  return completion === undefined ? wrapper : `${wrapper}\n${completion}`;
}
