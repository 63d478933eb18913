import { AwsmfaError, UnsupportedShellError } from '../errors.js';
import { isShellKind, SHELL_KINDS, type ShellKind } from './plan.js';
import { describeCharacter, findUnsafeCmdCharacter } from './quote-cmd.js';
import { quoteFish } from './quote-fish.js';
import { quotePosix } from './quote-posix.js';
import { quotePowerShell } from './quote-powershell.js';
import { CMD_MAX_LINE_LENGTH } from './render-cmd.js';

const CMD_PRINT_HINT =
  'call the program by its file name (for example awsmfa.cmd), which the doskey macro does not capture';

/**
 * Renders code that prints `text` on the shell's stdout, for commands that print data (a list,
 * a script) while a wrapper evaluates what the program prints. With `terminalWarning`, the code
 * first writes that line to stderr when the shell's stdout is a terminal.
 *
 * POSIX shells and fish print the text byte for byte. PowerShell writes one string per line to
 * the pipeline, so a final line break is implied and `\r\n` becomes a line break. cmd runs
 * `echo(` per line, prints no terminal warning, and accepts only quoteCmd's characters.
 *
 * @throws AwsmfaError for a NUL character, or a line that cmd cannot print unchanged.
 */
export function renderPrint(shell: ShellKind, text: string, terminalWarning?: string): string {
  if (!isShellKind(shell)) {
    throw new UnsupportedShellError(String(shell), SHELL_KINDS);
  }
  if (text.includes('\0') || terminalWarning?.includes('\0')) {
    throw new AwsmfaError('cannot print text that contains a NUL character (U+0000)');
  }
  switch (shell) {
    case 'fish':
      return renderFishPrint(text, terminalWarning);
    case 'powershell':
      return renderPowerShellPrint(text, terminalWarning);
    case 'cmd':
      return renderCmdPrint(text);
    default:
      return renderPosixPrint(text, terminalWarning);
  }
}

function renderPosixPrint(text: string, terminalWarning: string | undefined): string {
  const warning = terminalWarning === undefined ? '' : `if [ -t 1 ]; then printf '%s\\n' ${quotePosix(terminalWarning)} >&2; fi\n`;
  return text === '' ? warning : `${warning}printf '%s' ${quotePosix(text)}\n`;
}

function renderFishPrint(text: string, terminalWarning: string | undefined): string {
  const warning = terminalWarning === undefined ? '' : `if test -t 1; printf '%s\\n' ${quoteFish(terminalWarning)} >&2; end\n`;
  return text === '' ? warning : `${warning}printf '%s' ${quoteFish(text)}\n`;
}

// NOTE: IsOutputRedirected reports on the console, not on the PowerShell pipeline, so the warning
// also shows when the output goes through a pipeline into a file.
function renderPowerShellPrint(text: string, terminalWarning: string | undefined): string {
  const lines = splitLines(text).map((line) => `Write-Output ${quotePowerShell(line)}`);
  if (terminalWarning !== undefined) {
    lines.unshift(`if (-not [Console]::IsOutputRedirected) { [Console]::Error.WriteLine(${quotePowerShell(terminalWarning)}) }`);
  }
  return lines.map((line) => `${line}\n`).join('');
}

/**
 * Render each line as `echo(LINE`. Unlike `echo LINE`, this form prints an empty line, ON and OFF
 * as text (see the ECHO( discussion at https://dostips.com/forum/viewtopic.php?p=14472).
 */
function renderCmdPrint(text: string): string {
  return splitLines(text)
    .map((line, index) => {
      assertCmdPrintable(line, index + 1);
      return `echo(${line}\n`;
    })
    .join('');
}

function assertCmdPrintable(line: string, lineNumber: number): void {
  const unsafe = findUnsafeCmdCharacter(line);
  if (unsafe !== undefined) {
    const place = `${describeCharacter(unsafe.character)} at position ${unsafe.position}`;
    throw new AwsmfaError(`cannot print line ${lineNumber} through the cmd macro: it contains ${place}, and ${unsafe.reason}`, {
      hint: CMD_PRINT_HINT,
    });
  }
  if (`echo(${line}`.length > CMD_MAX_LINE_LENGTH) {
    throw new AwsmfaError(`cannot print line ${lineNumber} through the cmd macro: it is longer than cmd's maximum of ${CMD_MAX_LINE_LENGTH} characters`, {
      hint: CMD_PRINT_HINT,
    });
  }
}

/** Lines of `text` without their line breaks; a final line break does not start another line. */
function splitLines(text: string): string[] {
  if (text === '') {
    return [];
  }
  const lines = text.split(/\r?\n/);
  if (text.endsWith('\n')) {
    lines.pop();
  }
  return lines;
}
