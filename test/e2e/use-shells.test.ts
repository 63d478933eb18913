import { spawnSync } from 'node:child_process';
import { statSync } from 'node:fs';
import t from 'tap';
import { buildEnv, parseEnv0, runAwsmfa, runShell } from '../helpers/cli.js';
import { createHome, keySection } from '../helpers/home.js';
import { createUser, startMoto, type IamUser } from '../helpers/moto.js';

const CONFIG = [
  '# team settings, kept by hand',
  '[default]',
  'region = us-west-2',
  '',
  '[profile alice]',
  'region = eu-west-1   ; nearest region',
  'output = json',
  '',
  '[sso-session corp]',
  'sso_region = us-east-1',
  '[profile other]',
  's3 =',
  '  addressing_style = path',
  'region=ap-south-1',
].join('\n');

const moto = await startMoto();
t.teardown(() => moto.stop());
const alice = await createUser(moto.endpoint, 'alice');
const bob = await createUser(moto.endpoint, 'bob');

function credentialsText(user: IamUser, name = 'alice'): string {
  return `; long-term keys\r\n${keySection(name, user).replaceAll('\n', '\r\n')}\r\n[unrelated]\r\naws_access_key_id = AKIAUNRELATEDEXAMPLE\r\naws_secret_access_key = mockUnrelatedSecret`;
}

function configText(user: IamUser): string {
  return CONFIG.replace('output = json', `output = json\nmfa_serial = ${user.mfaSerial}`);
}

const SCRIPT = `
set -u
init=$(awsmfa init SHELL) || exit 8
eval "$init"
export AWS_ACCESS_KEY_ID=AKIASTALEEXAMPLE0000 AWS_SECRET_ACCESS_KEY=mockStale AWS_SESSION_TOKEN=mockStaleToken
awsmfa use alice --code 123456 || exit 9
env -0
`;

for (const shell of ['bash', 'zsh']) {
  t.test(`use alice in ${shell}`, async (t) => {
    const home = createHome({ config: configText(alice), credentials: credentialsText(alice) });
    t.teardown(home.remove);
    const env = buildEnv(home.home, moto.endpoint);
    const originalConfig = home.read('config');
    const originalCredentials = home.read('credentials');

    const result = runShell(shell, SCRIPT.replace('SHELL', shell), env);
    t.equal(result.status, 0, `shell exits 0; stderr: ${result.stderr}`);
    const vars = parseEnv0(result.stdout);
    t.equal(vars.get('AWS_PROFILE'), 'alice-mfasession', 'AWS_PROFILE selects the session');
    t.equal(vars.get('AWS_DEFAULT_PROFILE'), 'alice-mfasession', 'AWS_DEFAULT_PROFILE selects the session');
    for (const stale of ['AWS_ACCESS_KEY_ID', 'AWS_SECRET_ACCESS_KEY', 'AWS_SESSION_TOKEN']) {
      t.notOk(vars.has(stale), `${stale} is removed`);
    }
    t.equal(vars.get('AWS_REGION'), 'eu-west-1', 'region comes from the base profile');
    t.equal(vars.get('AWS_SESSION_TYPE'), 'mfasession');
    t.equal(vars.get('AWS_SESSION_IDENT'), 'alice-mfasession');
    t.equal(vars.get('AWS_PROFILE_IDENT'), 'alice');
    const expiry = Number(vars.get('AWS_SESSION_EXPIRY'));
    t.ok(expiry > Date.now() / 1000 + 3600, 'AWS_SESSION_EXPIRY is epoch seconds in the future');
    t.match(vars.get('AWS_CREDENTIAL_EXPIRATION'), /^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\dZ$/, 'AWS_CREDENTIAL_EXPIRATION is ISO 8601 UTC');
    t.equal(vars.get('AWS_SESSION_EXPIRATION'), vars.get('AWS_CREDENTIAL_EXPIRATION'));

    const credentials = home.read('credentials');
    t.ok(credentials.startsWith(`${originalCredentials}\r\n`), 'credentials file keeps every earlier byte');
    const added = credentials.slice(originalCredentials.length);
    t.match(added, /^\r\n\r\n\[alice-mfasession\]\r\naws_access_key_id = AKIA\w+\r\naws_secret_access_key = \S+\r\naws_session_token = \S+\r\naws_session_expiry = \d+\r\nx_security_token_expires = \S+Z$/, 'session section uses CRLF and no final newline, as the file did');
    t.equal(statSync(home.credentials).mode & 0o777, 0o600, 'credentials mode stays 0600');

    const config = home.read('config');
    t.equal(config, `${originalConfig}\n\n[profile alice-mfasession]\nregion = eu-west-1\noutput = json`, 'config gains only the session section');

    const caller = spawnSync('aws', ['sts', 'get-caller-identity', '--profile', 'alice-mfasession', '--output', 'json'], { env, encoding: 'utf8' });
    t.equal(caller.status, 0, `aws CLI reads the session: ${caller.stderr}`);
    t.match(caller.stdout, /"Account"/, 'aws CLI prints the caller identity');

    const again = runShell(shell, `set -u\ninit=$(awsmfa init ${shell}) || exit 8\neval "$init"\nawsmfa use alice </dev/null || exit 9\nprintf '%s' "$AWS_PROFILE"`, env);
    t.equal(again.status, 0, `second use exits 0: ${again.stderr}`);
    t.equal(again.stdout, 'alice-mfasession', 'second use selects the live session');
    t.notMatch(again.stderr, /code/i, 'second use asks for no code');
    t.equal(home.read('credentials'), credentials, 'second use writes nothing');
  });
}

t.test('--no-persist exports keys and writes nothing', async (t) => {
  const home = createHome({ config: configText(bob).replaceAll('alice', 'bob'), credentials: credentialsText(bob, 'bob') });
  t.teardown(home.remove);
  const env = buildEnv(home.home, moto.endpoint, { AWS_PROFILE: 'unrelated' });
  const before = { config: home.read('config'), credentials: home.read('credentials') };

  const result = runShell('bash', 'set -u\ninit=$(awsmfa init bash) || exit 8\neval "$init"\nawsmfa use bob --code 123456 --no-persist || exit 9\nenv -0', env);
  t.equal(result.status, 0, result.stderr);
  const vars = parseEnv0(result.stdout);
  t.match(vars.get('AWS_ACCESS_KEY_ID'), /^AKIA|^ASIA/, 'access key id exported');
  t.ok(vars.get('AWS_SECRET_ACCESS_KEY'), 'secret key exported');
  t.ok(vars.get('AWS_SESSION_TOKEN'), 'session token exported');
  t.notOk(vars.has('AWS_PROFILE'), 'AWS_PROFILE removed');
  t.equal(vars.get('AWS_REGION'), 'eu-west-1');
  t.equal(vars.get('AWS_DEFAULT_OUTPUT'), 'json');
  t.equal(home.read('config'), before.config, 'config unchanged');
  t.equal(home.read('credentials'), before.credentials, 'credentials unchanged');

  const caller = spawnSync('aws', ['sts', 'get-caller-identity'], { env: { ...env, ...Object.fromEntries(vars) }, encoding: 'utf8' });
  t.equal(caller.status, 0, `aws CLI uses the exported keys: ${caller.stderr}`);
});

t.test('direct call explains the wrapper', async (t) => {
  const home = createHome({ config: configText(alice), credentials: credentialsText(alice) });
  t.teardown(home.remove);
  const env = buildEnv(home.home, moto.endpoint);

  const result = runAwsmfa(['use', 'alice', '--no-mfa'], env);
  t.equal(result.status, 0);
  t.match(result.stderr, /eval "\$\(awsmfa init bash\)"/, 'stderr shows how to install the function');
  t.match(result.stdout, /export AWS_PROFILE='alice'/, 'stdout carries the code');
});
