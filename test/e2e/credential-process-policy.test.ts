import { spawnSync } from 'node:child_process';
import t from 'tap';
import { BIN, buildEnv, runAwsmfa } from '../helpers/cli.js';
import { createHome, keySection } from '../helpers/home.js';
import { createUser, startMoto } from '../helpers/moto.js';

const moto = await startMoto();
t.teardown(() => moto.stop());
const user = await createUser(moto.endpoint, 'alice');

function makeHome(extraConfig = '') {
  return createHome({
    config: `[profile alice]\nregion = eu-west-1\nmfa_serial = ${user.mfaSerial}\n${extraConfig}\n[profile via-awsmfa]\nregion = eu-west-1\ncredential_process = node ${BIN} credential-process alice\n`,
    credentials: keySection('alice', user),
  });
}

t.test('credential-process serves the AWS CLI', async (t) => {
  const home = makeHome();
  t.teardown(home.remove);
  const env = buildEnv(home.home, moto.endpoint);
  t.equal(runAwsmfa(['use', 'alice', '--code', '123456'], env).status, 0, 'session started');

  const direct = runAwsmfa(['credential-process', 'alice'], env);
  t.equal(direct.status, 0, direct.stderr);
  const document = JSON.parse(direct.stdout);
  t.equal(document.Version, 1);
  t.match(document.AccessKeyId, /^(AKIA|ASIA)/);
  t.ok(document.SessionToken, 'has the session token');
  t.match(document.Expiration, /Z$/, 'has the expiry');
  t.equal(direct.stderr, '', 'prints nothing else');

  const caller = spawnSync('aws', ['sts', 'get-caller-identity', '--profile', 'via-awsmfa'], { env, encoding: 'utf8' });
  t.equal(caller.status, 0, `aws CLI runs the process: ${caller.stderr}`);
});

t.test('credential-process without a live session', async (t) => {
  const home = makeHome();
  t.teardown(home.remove);
  const env = buildEnv(home.home, moto.endpoint);

  const result = runAwsmfa(['credential-process', 'alice'], env);
  t.equal(result.status, 1);
  t.equal(result.stdout, '', 'prints no JSON');
  t.match(result.stderr, /cannot ask for an MFA code/, 'says why');
  t.match(result.stderr, /awsmfa use PROFILE|mfa_process/, 'gives the next step');
});

t.test('credential-process starts a session with mfa_process', async (t) => {
  const home = makeHome();
  t.teardown(home.remove);
  const env = buildEnv(home.home, moto.endpoint);
  const config = home.read('config').replace('[profile alice]\n', '[profile alice]\nmfa_process = printf 246810\n');
  spawnSync('sh', ['-c', 'cat > "$1"', 'sh', home.config], { input: config });

  const result = runAwsmfa(['--debug', 'credential-process', 'alice'], env);
  t.equal(result.status, 0, result.stderr);
  t.match(home.read('credentials'), /\[alice-mfasession\]/, 'stores the new session');
  const document = JSON.parse(result.stdout);
  t.notOk(result.stderr.includes(document.SecretAccessKey), 'debug output lacks the secret key');
  t.notOk(result.stderr.includes(document.SessionToken), 'debug output lacks the token');
  t.notOk(result.stderr.includes('246810'), 'debug output lacks the code');
});

t.test('policy is accepted by IAM', async (t) => {
  const home = makeHome();
  t.teardown(home.remove);
  const env = buildEnv(home.home, moto.endpoint, { AWS_ACCESS_KEY_ID: 'AKIAIOSFODNN7EXAMPLE', AWS_SECRET_ACCESS_KEY: 'mockSetupSecret', AWS_DEFAULT_REGION: 'us-east-1' });

  for (const mode of ['enforce', 'allow', 'open']) {
    const policy = runAwsmfa(['policy', mode], env);
    t.equal(policy.status, 0, `${mode}: ${policy.stderr}`);
    const created = spawnSync('aws', ['iam', 'create-policy', '--policy-name', `awsmfa-${mode}`, '--policy-document', policy.stdout], { env, encoding: 'utf8' });
    t.equal(created.status, 0, `IAM accepts the ${mode} policy: ${created.stderr}`);
  }
});
