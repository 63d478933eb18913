/**
 * Quotes a value as one word for POSIX sh (dash), bash and zsh.
 *
 * These shells expand nothing inside single quotes: no parameters, commands, globs, backslash
 * escapes or history (`!`), and a newline is literal. The only character that needs care is `'`
 * itself, which is written as `'\''`: close the quote, add an escaped quote, reopen the quote.
 * A closing quote is therefore never directly followed by an opening one, so zsh's RC_QUOTES
 * option (which reads `''` inside quotes as a literal quote) cannot change the result.
 *
 * NOTE: text that `eval` runs is not history-expanded, but if the output is pasted into an
 * interactive bash 5.2, a line of a multi-line value that starts with `^` is rewritten by quick
 * substitution (`x\n^a^b` becomes `x\n!!:s^a^b`).
 */
export function quotePosix(value: string): string {
  return `'${value.replaceAll("'", () => "'\\''")}'`;
}
