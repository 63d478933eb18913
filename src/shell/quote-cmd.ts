import { UnsafeShellValueError } from '../errors.js';

/**
 * Characters that pass unchanged through `set "NAME=value"` and `echo text` when cmd runs each
 * output line from a `for /f` loop: ASCII letters, digits, space and `- _ . , : = + / \ @ ~`.
 * Access keys, secret keys (`/`, `+`) and session tokens (`/`, `+`, `=`) fit in this set.
 * NOTE: derived from cmd's documented parsing rules; the tests check the rules and snapshots but
 * do not run cmd.exe.
 */
const CMD_SAFE_CHARACTERS = /^[A-Za-z0-9 _.,:=+\-/\\@~]$/;

const CMD_UNSAFE_HINT =
  "use 'awsmfa env PROFILE --format powershell', " +
  "or '--persist' so that only the profile name is exported";

const CMD_SPECIAL_CHARACTER_REASONS: Record<string, string> = {
  '%': 'cmd expands %NAME% as a variable reference',
  '!': 'cmd expands !NAME! as a variable when delayed expansion is on',
  '^': 'cmd uses ^ as its escape character',
  '&': 'cmd uses & to start a second command',
  '|': 'cmd uses | to pipe into a second command',
  '<': 'cmd uses < to redirect input',
  '>': 'cmd uses > to redirect output',
  '"': 'a double quote ends the quoted "NAME=value" argument of set',
  '(': 'cmd uses parentheses to group commands into blocks',
  ')': 'cmd uses parentheses to group commands into blocks',
};

export interface UnsafeCmdCharacter {
  character: string;
  /** 1-based position, counted in Unicode code points. */
  position: number;
  reason: string;
}

/** Finds the first character of `text` that is outside CMD_SAFE_CHARACTERS, if any. */
export function findUnsafeCmdCharacter(text: string): UnsafeCmdCharacter | undefined {
  let position = 0;
  for (const character of text) {
    position += 1;
    if (!CMD_SAFE_CHARACTERS.test(character)) {
      return { character, position, reason: explainUnsafeCmdCharacter(character) };
    }
  }
  return undefined;
}

function explainUnsafeCmdCharacter(character: string): string {
  const special = CMD_SPECIAL_CHARACTER_REASONS[character];
  if (special !== undefined) {
    return special;
  }
  const codePoint = toCodePoint(character);
  if (codePoint < 0x20 || codePoint === 0x7f) {
    return (
      'cmd reads one command per line, so a line break would start a new command, ' +
      'and other control characters are not passed through reliably'
    );
  }
  if (codePoint > 0x7f) {
    return 'cmd decodes command output with the console code page, which can change non-ASCII text';
  }
  return 'awsmfa passes only letters, digits, spaces and - _ . , : = + / \\ @ ~ to cmd';
}

// Callers pass one code point, as `for…of` over a string yields, so codePointAt(0) is defined.
function toCodePoint(character: string): number {
  return character.codePointAt(0) as number;
}

/** Formats a character for an error message: `'%'` or `"'"` when printable ASCII, else `U+000A`. */
export function describeCharacter(character: string): string {
  const codePoint = toCodePoint(character);
  if (character === "'") {
    return `"'"`;
  }
  if (codePoint >= 0x20 && codePoint < 0x7f) {
    return `'${character}'`;
  }
  return `U+${codePoint.toString(16).toUpperCase().padStart(4, '0')}`;
}

/**
 * Returns `value` unchanged for use as the value in `set "NAME=value"`, after checking that every
 * character is in CMD_SAFE_CHARACTERS. cmd has no quoting that keeps every character literal in
 * every context (`%` expands even inside double quotes, `!` expands with delayed expansion, and a
 * line break ends the command), so anything outside the allow-list is rejected.
 *
 * @throws UnsafeShellValueError naming the first unsafe character, its position and the reason.
 */
export function quoteCmd(value: string, variable: string): string {
  const unsafe = findUnsafeCmdCharacter(value);
  if (unsafe !== undefined) {
    const character = describeCharacter(unsafe.character);
    const place = `${character} at position ${unsafe.position}`;
    const reason = `value contains ${place}, and ${unsafe.reason}`;
    throw new UnsafeShellValueError('cmd', variable, reason, CMD_UNSAFE_HINT);
  }
  return value;
}
