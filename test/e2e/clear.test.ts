import t, { type Test } from 'tap';
import { CLEAR_VARIABLES } from '../../src/commands/clear.js';
import { buildEnv, parseEnv0, runAwsmfa, runShell } from '../helpers/cli.js';
import { createHome, keySection, type TestHome } from '../helpers/home.js';
import { createUser, startMoto } from '../helpers/moto.js';

const moto = await startMoto();
t.teardown(() => moto.stop());
const alice = await createUser(moto.endpoint, 'alice');

function setUp(t: Test): { home: TestHome; env: NodeJS.ProcessEnv } {
  const home = createHome({
    config: `[profile alice]\nregion = eu-west-1\nmfa_serial = ${alice.mfaSerial}\n`,
    credentials: keySection('alice', alice),
  });
  t.teardown(home.remove);
  return { home, env: buildEnv(home.home, moto.endpoint) };
}

/** Start a session that is not stored and return the variables it exports. */
function startSession(env: NodeJS.ProcessEnv): Record<string, string> {
  const result = runAwsmfa(['env', 'alice', '--code', '123456', '--no-persist', '--format', 'json'], env);
  if (result.status !== 0) {
    throw new Error(`env failed: ${result.stderr}`);
  }
  return JSON.parse(result.stdout) as Record<string, string>;
}

t.test('clear', async (t) => {
  t.test('removes a session that moto issued', async (t) => {
    const { env } = setUp(t);
    const session = startSession(env);
    const script = 'eval "$(awsmfa clear 2>/dev/null)"\nenv -0';
    const result = runShell('bash', script, { ...env, ...session, AWS_SESSION_INIT_TIME: '1', AWS_SESSION_DURATION: '3600' });
    t.equal(result.status, 0, result.stderr);
    const vars = parseEnv0(result.stdout);
    for (const name of CLEAR_VARIABLES) {
      t.notOk(vars.has(name), `${name} is removed`);
    }
  });

  t.test('direct call explains the wrapper and prints the code', async (t) => {
    const { env } = setUp(t);
    const result = runAwsmfa(['clear'], { ...env, AWS_PROFILE: 'alice' });
    t.equal(result.status, 0, result.stderr);
    t.match(result.stderr, /eval "\$\(awsmfa init bash\)"/, 'the install line');
    t.match(result.stderr, /removed AWS_PROFILE/, 'what it removed');
    t.match(result.stdout, /^unset -v AWS_PROFILE$/m, 'the code');
  });

  t.test('secrets never reach stdout or stderr with --debug', async (t) => {
    const { env } = setUp(t);
    const session = startSession(env);
    for (const wrapper of ['bash', 'fish', 'powershell', 'cmd', undefined]) {
      const runEnv = { ...env, ...session, AWSMFA_DEBUG: '1', ...(wrapper ? { AWSMFA_WRAPPER: wrapper } : {}) };
      const result = runAwsmfa(['--debug', 'clear'], runEnv);
      const label = wrapper ?? 'no wrapper';
      t.equal(result.status, 0, `${label}: ${result.stderr}`);
      for (const name of ['AWS_SECRET_ACCESS_KEY', 'AWS_SESSION_TOKEN']) {
        t.notOk(result.stdout.includes(session[name] as string), `${label}: no ${name} value on stdout`);
        t.notOk(result.stderr.includes(session[name] as string), `${label}: no ${name} value on stderr`);
      }
      // Under a wrapper the message is part of the code, which prints it on the shell's stderr.
      t.match(`${result.stdout}${result.stderr}`, /removed AWS_ACCESS_KEY_ID, AWS_SECRET_ACCESS_KEY/, `${label}: the names are listed`);
    }
  });
});
