import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import t from 'tap';
import { INIT_SHELLS, runInit } from '../../src/commands/init-command.js';
import { UnsupportedShellError } from '../../src/errors.js';
import { PROJECT_ROOT } from '../helpers/cli.js';

function read(folder: string, file: string): string {
  return readFileSync(join(PROJECT_ROOT, folder, file), 'utf8');
}

t.test(runInit.name, async (t) => {
  t.test('supports every shell', async (t) => {
    t.same(INIT_SHELLS, ['bash', 'zsh', 'sh', 'fish', 'powershell', 'cmd']);
  });

  t.test('appends the completion to the wrapper', async (t) => {
    t.equal(runInit('bash'), `${read('shell', 'awsmfa.bash')}\n${read('completions', 'awsmfa.bash')}`);
    t.equal(runInit('zsh'), `${read('shell', 'awsmfa.zsh')}\n${read('completions', '_awsmfa')}`);
    t.equal(runInit('fish'), `${read('shell', 'awsmfa.fish')}\n${read('completions', 'awsmfa.fish')}`);
    t.equal(runInit('powershell'), `${read('shell', 'awsmfa.ps1')}\n${read('completions', 'awsmfa.ps1')}`);
  });

  t.test('prints the wrapper alone for sh and cmd', async (t) => {
    t.equal(runInit('sh'), read('shell', 'awsmfa.sh'));
    t.equal(runInit('cmd'), read('shell', 'awsmfa.cmd'));
  });

  t.test('rejects other shells with the supported list', async (t) => {
    for (const shell of ['tcsh', 'nu', '', 'BASH']) {
      t.throws(() => runInit(shell), UnsupportedShellError, JSON.stringify(shell));
    }
    t.throws(() => runInit('tcsh'), { name: 'UnsupportedShellError', hint: 'supported shells: bash, zsh, sh, fish, powershell, cmd', exitCode: 2 });
  });
});
