// PowerShell's tokenizer treats all of these as single quotes, not just the ASCII apostrophe
// (IsSingleQuote in engine/parser/CharTraits.cs of the PowerShell repository).
const SINGLE_QUOTE_CHARACTERS = /['\u2018\u2019\u201A\u201B]/g;

/**
 * Quotes a value as a PowerShell single-quoted string, which expands no variables or
 * subexpressions. Inside it, any single quote followed by another one stands for the second
 * quote, so doubling every ASCII and typographic single quote keeps each one literal.
 */
export function quotePowerShell(value: string): string {
  return `'${value.replace(SINGLE_QUOTE_CHARACTERS, (quote) => quote + quote)}'`;
}
