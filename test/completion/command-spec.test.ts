import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import t from 'tap';
import { COMMAND_SPEC } from '../../src/completion/command-spec.js';
import { buildEnv, PROJECT_ROOT, runAwsmfa } from '../helpers/cli.js';
import { createHome } from '../helpers/home.js';

const SPEC_PATH = join(PROJECT_ROOT, 'src', 'completion', 'command-spec.json');
const REGENERATE = 'node bin/awsmfa.js __completion-spec > src/completion/command-spec.json';

t.test('command spec', async (t) => {
  const home = createHome();
  t.teardown(home.remove);
  const result = runAwsmfa(['__completion-spec'], buildEnv(home.home, 'http://127.0.0.1:9'));

  t.test('printed tree lists the commands', async (t) => {
    t.equal(result.status, 0, result.stderr);
    const names = (JSON.parse(result.stdout) as typeof COMMAND_SPEC).commands.map((command) => command.name);
    for (const name of ['use', 'init', 'clear', 'list', 'exec', 'env']) {
      t.ok(names.includes(name), name);
    }
    t.notOk(names.some((name) => name.startsWith('__')), 'hidden commands stay hidden');
  });

  t.test('committed spec matches the command tree', async (t) => {
    t.equal(readFileSync(SPEC_PATH, 'utf8'), result.stdout, `regenerate it with: ${REGENERATE}`);
  });

  t.test('tree carries values and choices', async (t) => {
    const spec = JSON.parse(result.stdout) as typeof COMMAND_SPEC;
    const use = spec.commands.find((command) => command.name === 'use');
    const init = spec.commands.find((command) => command.name === 'init');
    const exec = spec.commands.find((command) => command.name === 'exec');
    const env = spec.commands.find((command) => command.name === 'env');
    t.match(use?.positionals, [{ name: 'profile', value: 'profile' }], 'use takes a profile');
    t.ok(use?.options.some((option) => option.names.includes('--no-persist')), 'use offers --no-persist');
    t.ok(use?.options.some((option) => option.names.includes('--code') && option.takesValue), '--code takes a value');
    t.match(init?.positionals, [{ name: 'shell', value: 'choices', choices: ['bash', 'zsh', 'sh', 'fish', 'powershell', 'cmd'] }]);
    t.match(exec?.positionals, [{ value: 'profile' }, { name: 'command', variadic: true, value: 'command' }]);
    t.match(env?.options.find((option) => option.names.includes('--format')), { choices: ['bash', 'zsh', 'sh', 'fish', 'powershell', 'cmd', 'dotenv', 'json'] });
    t.ok(spec.options.some((option) => option.names.includes('-d')), 'global options keep their short aliases');
    t.notOk(spec.options.some((option) => option.names.includes('--wrapper')), 'hidden options stay hidden');
  });
});
