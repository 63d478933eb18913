import t from 'tap';
import { buildEnv, runAwsmfa, runShell } from '../helpers/cli.js';
import { createHome, keySection } from '../helpers/home.js';
import { createUser, startMoto } from '../helpers/moto.js';

const moto = await startMoto();
t.teardown(() => moto.stop());
const user = await createUser(moto.endpoint, 'alice');
const PAST = Math.floor(Date.now() / 1000) - 60;
const STALE = `[old-mfasession]\naws_access_key_id = AKIAEXAMPLEOLD000000\naws_secret_access_key = mockOldSecret\naws_session_token = mockOldToken\naws_session_expiry = ${PAST}\n`;

function makeHome() {
  return createHome({
    config: `[profile alice]\nregion = eu-west-1\nmfa_serial = ${user.mfaSerial}\n`,
    credentials: `${keySection('alice', user)}\n${STALE}`,
  });
}

t.test('status lists sessions with time left', async (t) => {
  const home = makeHome();
  t.teardown(home.remove);
  const env = buildEnv(home.home, moto.endpoint);
  t.equal(runAwsmfa(['use', 'alice', '--code', '123456'], env).status, 0, 'session started');

  const result = runAwsmfa(['status'], { ...env, AWS_PROFILE: 'alice-mfasession', AWS_SESSION_EXPIRY: String(PAST + 8 * 3600) });
  t.equal(result.status, 0, result.stderr);
  t.match(result.stdout, /^current: AWS_PROFILE=alice-mfasession, session \dh \d\dm left$/m, 'current selection with time left');
  t.match(result.stdout, /^ {2}alice-mfasession +mfa-session +\dh \d\dm left \(until \S+Z\)$/m, 'live session with time left');
  t.match(result.stdout, /^ {2}old-mfasession +mfa-session +EXPIRED/m, 'expired session marked EXPIRED');
});

t.test('status --json', async (t) => {
  const home = makeHome();
  t.teardown(home.remove);
  const env = buildEnv(home.home, moto.endpoint, { AWS_ACCESS_KEY_ID: 'AKIAIOSFODNN7EXAMPLE', AWS_SECRET_ACCESS_KEY: 'mockSecretNeverShown' });

  const result = runAwsmfa(['status', '--json'], env);
  t.equal(result.status, 0, result.stderr);
  const report = JSON.parse(result.stdout);
  t.equal(report.current.accessKey, '…MPLE', 'access key id masked');
  t.same(report.sessions.map((s: { name: string; state: string }) => [s.name, s.state]), [['old-mfasession', 'expired']]);
  t.notMatch(result.stdout, /mockSecretNeverShown|mockOldSecret|mockOldToken/, 'no secret in the output');
});

t.test('status through the wrapper', async (t) => {
  const home = makeHome();
  t.teardown(home.remove);
  const env = buildEnv(home.home, moto.endpoint);

  const result = runShell('bash', 'init=$(awsmfa init bash) || exit 8\neval "$init"\nawsmfa status | grep -c EXPIRED', env);
  t.equal(result.stdout.trim(), '1', 'data reaches the pipe through the function');
});
