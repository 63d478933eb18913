/**
 * Quotes a value as one word for fish.
 *
 * Inside single quotes fish expands nothing and treats only `\'` and `\\` as escapes, so
 * prefixing every `\` and `'` with a backslash keeps the value literal, newlines included.
 */
export function quoteFish(value: string): string {
  return `'${value.replace(/[\\']/g, (character) => `\\${character}`)}'`;
}
