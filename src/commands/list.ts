import type { ProfileEntry } from '../completion/profile-entries.js';

export type ListFormat = 'table' | 'names' | 'json';

/**
 * Format profiles for `awsmfa list`: `table` is one profile a line with its kind in a second
 * column, `names` the names alone, `json` an array of `{ "name", "kind" }` objects.
 */
export function formatProfileList(entries: ProfileEntry[], format: ListFormat): string {
  if (format === 'json') {
    return `${JSON.stringify(entries.map((entry) => ({ name: entry.name, kind: entry.kind })), null, 2)}\n`;
  }
  if (format === 'names') {
    return entries.map((entry) => `${entry.name}\n`).join('');
  }
  const width = Math.max(0, ...entries.map((entry) => entry.name.length));
  return entries.map((entry) => `${entry.name.padEnd(width)}  ${entry.kind}\n`).join('');
}
