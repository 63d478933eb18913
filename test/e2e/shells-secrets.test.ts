import t, { type Test } from 'tap';
import { buildEnv, runAwsmfa } from '../helpers/cli.js';
import { createHome, keySection } from '../helpers/home.js';
import { createUser, startMoto } from '../helpers/moto.js';

const moto = await startMoto();
t.teardown(() => moto.stop());
const alice = await createUser(moto.endpoint, 'alice');

const home = createHome({
  config: `[profile alice]\nregion = eu-west-1\nmfa_serial = ${alice.mfaSerial}\n`,
  credentials: keySection('alice', alice),
});
t.teardown(home.remove);
const env = buildEnv(home.home, moto.endpoint);

const started = runAwsmfa(['use', 'alice', '--code', '123456'], env);
if (started.status !== 0) {
  throw new Error(`use failed: ${started.stderr}`);
}
const session = /\[alice-mfasession\]\naws_access_key_id = \S+\naws_secret_access_key = (\S+)\naws_session_token = (\S+)/.exec(home.read('credentials'));
if (session === null) {
  throw new Error('the session was not stored');
}
const SECRETS: Array<[string, string]> = [
  ["base profile's secret key", alice.secretAccessKey],
  ["session's secret key", session[1] as string],
  ["session's token", session[2] as string],
];
// Exported as a session would be, so that a command that printed its environment would show them.
const SECRET_ENV = { AWS_SECRET_ACCESS_KEY: session[1], AWS_SESSION_TOKEN: session[2] };

const WRAPPERS = [undefined, 'bash', 'zsh', 'sh', 'fish', 'powershell', 'cmd'];

function assertNoSecrets(t: Test, label: string, text: string): void {
  for (const [name, value] of SECRETS) {
    t.notOk(text.includes(value), `${label}: no ${name}`);
  }
}

t.test('list shows no secrets with --debug', async (t) => {
  for (const wrapper of WRAPPERS) {
    for (const args of [['list'], ['list', '--json'], ['list', '--names']]) {
      const label = `${wrapper ?? 'no wrapper'} ${args.join(' ')}`;
      const result = runAwsmfa(['--debug', ...args], { ...env, ...SECRET_ENV, ...(wrapper ? { AWSMFA_WRAPPER: wrapper } : {}) });
      assertNoSecrets(t, `${label} stdout`, result.stdout);
      assertNoSecrets(t, `${label} stderr`, result.stderr);
      if (wrapper === 'cmd' && args.includes('--json')) {
        // JSON contains quotes and brackets, which the cmd macro cannot print.
        t.equal(result.status, 1, `${label}: fails`);
        continue;
      }
      t.equal(result.status, 0, `${label}: ${result.stderr}`);
      t.match(result.stdout, /alice-mfasession/, `${label}: lists the session`);
    }
  }
});

t.test('list --names fast path shows no secrets', async (t) => {
  const result = runAwsmfa(['list', '--names'], { ...env, ...SECRET_ENV });
  t.equal(result.stdout, 'alice\nalice-mfasession\n');
  assertNoSecrets(t, 'stdout', result.stdout);
  assertNoSecrets(t, 'stderr', result.stderr);
});

t.test('completion shows no secrets', async (t) => {
  const result = runAwsmfa(['__complete', 'use', ''], { ...env, ...SECRET_ENV });
  t.equal(result.stdout, 'values\nalice\tbase\nalice-mfasession\tmfa-session\n');
  assertNoSecrets(t, 'stderr', result.stderr);
});

t.test('init shows no secrets with --debug', async (t) => {
  for (const wrapper of WRAPPERS.filter((kind) => kind !== 'cmd')) {
    for (const shell of ['bash', 'zsh', 'sh', 'fish', 'powershell', 'cmd']) {
      const label = `${wrapper ?? 'no wrapper'} init ${shell}`;
      const result = runAwsmfa(['--debug', 'init', shell], { ...env, ...SECRET_ENV, ...(wrapper ? { AWSMFA_WRAPPER: wrapper } : {}) });
      t.equal(result.status, 0, `${label}: ${result.stderr}`);
      assertNoSecrets(t, `${label} stdout`, result.stdout);
      assertNoSecrets(t, `${label} stderr`, result.stderr);
    }
  }
});

t.test('use --no-persist puts the keys in the payload only', async (t) => {
  for (const wrapper of ['bash', 'fish', 'powershell']) {
    const result = runAwsmfa(['--debug', 'use', 'alice', '--code', '123456', '--no-persist'], { ...env, AWSMFA_WRAPPER: wrapper });
    t.equal(result.status, 0, `${wrapper}: ${result.stderr}`);
    const key = /AWS_SECRET_ACCESS_KEY\W+'([^']+)'/.exec(result.stdout)?.[1];
    t.ok(key, `${wrapper}: stdout exports the key`);
    t.notOk(result.stderr.includes(key ?? '-'), `${wrapper}: the key is not on stderr`);
    t.notMatch(result.stderr, /(?<!\d)123456(?!\d)/, `${wrapper}: the code is not on stderr`);
  }
});
