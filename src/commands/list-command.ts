import type { Argv } from 'yargs';
import { readProfileEntries } from '../completion/profile-cache.js';
import type { CommandContext } from '../main.js';
import { emitData } from '../output.js';
import { formatProfileList, type ListFormat } from './list.js';

export function registerListCommand(parser: Argv, context: CommandContext): Argv {
  return parser.command(
    'list',
    'List the profiles of the AWS files with their kind, one a line',
    (command) =>
      command
        .option('names', { type: 'boolean', default: false, describe: 'Print the profile names only' })
        .example('$0 list', 'kinds: base, role, mfa-session, role-session, sso, process, other')
        .example('$0 list --json', 'print a JSON array of {"name", "kind"} objects'),
    async (argv) => {
      let format: ListFormat = 'table';
      if (argv.json === true) {
        format = 'json';
      } else if (argv.names === true) {
        format = 'names';
      }
      emitData(context.target, formatProfileList(await readProfileEntries(context.env), format));
    },
  );
}
