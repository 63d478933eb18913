import { UnsafeShellValueError } from '../errors.js';
import type { RenderPlan } from './plan.js';
import { findUnsafeCmdCharacter, quoteCmd } from './quote-cmd.js';

/** The maximum length of a command line that cmd accepts, in characters (Microsoft KB 830473). */
export const CMD_MAX_LINE_LENGTH = 8191;

/**
 * Renders a plan as cmd commands, one per line, for a `for /f` loop that runs each output line.
 * Names are written as given, so the plan must have passed renderPlan's checks.
 *
 * @throws UnsafeShellValueError when a value has a character outside the quoteCmd allow-list or
 * its line is longer than CMD_MAX_LINE_LENGTH. Such messages are left out instead.
 */
export function renderCmd(plan: RenderPlan): string {
  const lines = [
    ...plan.unset.map((name) => `set "${name}="`),
    ...plan.set.map(([name, value]) => renderCmdSet(name, value)),
    ...plan.messages.filter(isEchoSafe).map(renderCmdEcho),
  ];
  return lines.map((line) => `${line}\n`).join('');
}

// An empty value gives `set "NAME="`, which removes the variable: cmd cannot store an empty one.
function renderCmdSet(name: string, value: string): string {
  const line = `set "${name}=${quoteCmd(value, name)}"`;
  if (line.length > CMD_MAX_LINE_LENGTH) {
    const reason =
      `the set command would be ${line.length} characters long, ` +
      `over cmd's maximum of ${CMD_MAX_LINE_LENGTH}`;
    throw new UnsafeShellValueError('cmd', name, reason);
  }
  return line;
}

function renderCmdEcho(message: string): string {
  return `echo ${message} 1>&2`;
}

/**
 * Tells whether `echo` prints exactly this message. Besides the allow-list and the length limit,
 * `echo` with no text or with only ON or OFF reports or switches command echoing instead.
 */
function isEchoSafe(message: string): boolean {
  const word = message.trim().toLowerCase();
  if (word === '' || word === 'on' || word === 'off') {
    return false;
  }
  const fitsLine = renderCmdEcho(message).length <= CMD_MAX_LINE_LENGTH;
  return fitsLine && findUnsafeCmdCharacter(message) === undefined;
}
