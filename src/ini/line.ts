/**
 * Line-level rules of the AWS shared profile-file format, as the SDKs' shared test suite and
 * the AWS SDK for Rust define them. Only space and tab count as whitespace when a line is
 * trimmed, but any Unicode whitespace before `#` or `;` starts a value's comment.
 */

const IDENTIFIER = /^[A-Za-z0-9\-_./%@:+]+$/;
const UNICODE_WHITESPACE = /[\t-\r \u0085\u00a0\u1680\u2000-\u200a\u2028\u2029\u202f\u205f\u3000]/;
const LEADING_UNICODE_WHITESPACE = /^[\t-\r \u0085\u00a0\u1680\u2000-\u200a\u2028\u2029\u202f\u205f\u3000]+/;
const TRAILING_UNICODE_WHITESPACE = /[\t-\r \u0085\u00a0\u1680\u2000-\u200a\u2028\u2029\u202f\u205f\u3000]+$/;

/** True for names the SDKs accept for profiles, sessions and properties. */
export function isIdentifier(name: string): boolean {
  return IDENTIFIER.test(name);
}

export function isUnicodeWhitespace(char: string): boolean {
  return UNICODE_WHITESPACE.test(char);
}

/** Remove spaces and tabs at both ends, and nothing else. */
export function trimSpaceAndTab(text: string): string {
  let start = 0;
  let end = text.length;
  while (start < end && (text[start] === ' ' || text[start] === '\t')) {
    start++;
  }
  while (end > start && (text[end - 1] === ' ' || text[end - 1] === '\t')) {
    end--;
  }
  return text.slice(start, end);
}

/** Remove Unicode whitespace at both ends, as Rust's `str::trim` does. */
export function trimUnicode(text: string): string {
  return text.replace(LEADING_UNICODE_WHITESPACE, '').replace(TRAILING_UNICODE_WHITESPACE, '');
}

export function isBlankLine(text: string): boolean {
  return trimSpaceAndTab(text) === '';
}

export function isCommentLine(text: string): boolean {
  return text.startsWith('#') || text.startsWith(';');
}

export function isIndented(text: string): boolean {
  return text.startsWith(' ') || text.startsWith('\t');
}

/**
 * Find the `#` or `;` that starts a trailing comment, or return -1. In a property a comment
 * needs whitespace before it, so `value#x` keeps its `#`. After a section header any `#` or
 * `;` starts a comment.
 */
export function findCommentStart(text: string, needsWhitespace: boolean): number {
  let from = 0;
  for (;;) {
    const index = findNextCommentCharacter(text, from);
    if (index === -1) {
      return -1;
    }
    if (!needsWhitespace || (index > 0 && isUnicodeWhitespace(text[index - 1] as string))) {
      return index;
    }
    from = index + 1;
  }
}

function findNextCommentCharacter(text: string, from: number): number {
  const hash = text.indexOf('#', from);
  const semicolon = text.indexOf(';', from);
  if (hash === -1 || semicolon === -1) {
    return Math.max(hash, semicolon);
  }
  return Math.min(hash, semicolon);
}

/** Trim a line, cut its trailing comment, and trim again. */
export function prepareLine(text: string, commentsNeedWhitespace: boolean): string {
  const trimmed = trimSpaceAndTab(text);
  const comment = findCommentStart(trimmed, commentsNeedWhitespace);
  return trimSpaceAndTab(comment === -1 ? trimmed : trimmed.slice(0, comment));
}

export type PropertySplit = { key: string; value: string } | 'missing-equals' | 'missing-key';

/** Split `key = value # comment` at its first `=`, after the comment is removed. */
export function splitProperty(text: string): PropertySplit {
  const prepared = prepareLine(text, true);
  const equals = prepared.indexOf('=');
  if (equals === -1) {
    return 'missing-equals';
  }
  const key = trimSpaceAndTab(prepared.slice(0, equals));
  if (key === '') {
    return 'missing-key';
  }
  return { key, value: trimSpaceAndTab(prepared.slice(equals + 1)) };
}
