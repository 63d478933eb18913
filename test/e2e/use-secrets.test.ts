import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { spawnSync } from 'node:child_process';
import t from 'tap';
import { BIN, buildEnv, runAwsmfa, runShell } from '../helpers/cli.js';
import { createHome, keySection } from '../helpers/home.js';
import { createUser, startMoto } from '../helpers/moto.js';

const CODE = '482913';
const moto = await startMoto();
t.teardown(() => moto.stop());
const user = await createUser(moto.endpoint, 'alice');

function makeHome() {
  return createHome({ config: `[profile alice]\nregion = eu-west-1\nmfa_serial = ${user.mfaSerial}\n`, credentials: keySection('alice', user) });
}

function readSessionSecrets(text: string): string[] {
  const section = text.slice(text.indexOf('[alice-mfasession]'));
  return ['aws_secret_access_key', 'aws_session_token'].map((key) => new RegExp(`${key} = (\\S+)`).exec(section)?.[1] ?? 'missing');
}

t.test('use --debug keeps secrets out of stderr', async (t) => {
  const home = makeHome();
  t.teardown(home.remove);
  const env = buildEnv(home.home, moto.endpoint, { AWSMFA_WRAPPER: 'bash' });

  const result = runAwsmfa(['--debug', 'use', 'alice', '--code', CODE], env);
  t.equal(result.status, 0, result.stderr);
  t.match(result.stderr, /awsmfa\[debug\] calling sts:GetSessionToken/, 'debug lines are printed');
  const [sessionSecret, sessionToken] = readSessionSecrets(home.read('credentials'));
  for (const [name, secret] of [['long-term secret key', user.secretAccessKey], ['session secret key', sessionSecret], ['session token', sessionToken], ['MFA code', CODE]] as const) {
    t.notOk(result.stderr.includes(secret as string), `stderr lacks the ${name}`);
    t.notOk(result.stdout.includes(secret as string), `stdout lacks the ${name}`);
  }
  t.notOk(result.stderr.includes(user.accessKeyId), 'stderr shows no whole access key id');
});

t.test('use --debug keeps numbers that contain the code', async (t) => {
  const home = makeHome();
  t.teardown(home.remove);
  const env = buildEnv(home.home, moto.endpoint, { AWSMFA_WRAPPER: 'bash' });
  // The account id 123456789012 starts with this code: only the code itself is hidden.
  const result = runAwsmfa(['--debug', 'use', 'alice', '--code', '123456'], env);

  t.equal(result.status, 0, result.stderr);
  t.ok(result.stderr.includes(user.mfaSerial as string), 'the device ARN is shown whole');
  t.notMatch(result.stderr, /(?<!\d)123456(?!\d)/, 'the code is not shown');
});

t.test('use --no-persist puts secrets only in the payload', async (t) => {
  const home = makeHome();
  t.teardown(home.remove);
  const env = buildEnv(home.home, moto.endpoint, { AWSMFA_WRAPPER: 'bash' });

  const result = runAwsmfa(['--debug', 'use', 'alice', '--code', CODE, '--no-persist'], env);
  t.equal(result.status, 0, result.stderr);
  const secret = /export AWS_SECRET_ACCESS_KEY='([^']+)'/.exec(result.stdout)?.[1] ?? 'missing';
  const token = /export AWS_SESSION_TOKEN='([^']+)'/.exec(result.stdout)?.[1] ?? 'missing';
  t.not(secret, 'missing', 'payload exports the secret key');
  t.not(token, 'missing', 'payload exports the session token');
  t.notOk(result.stderr.includes(secret), 'stderr lacks the session secret key');
  t.notOk(result.stderr.includes(token), 'stderr lacks the session token');
  t.notOk(result.stderr.includes(CODE), 'stderr lacks the MFA code');
  t.notOk(result.stderr.includes(user.secretAccessKey), 'stderr lacks the long-term secret key');
});

t.test('direct call refuses to show keys', async (t) => {
  const home = makeHome();
  t.teardown(home.remove);
  const env = buildEnv(home.home, moto.endpoint);
  // `script` gives the program a terminal on stdout, as an interactive user has.
  const command = `node ${BIN} use alice --code ${CODE} --no-persist`;
  const result = spawnSync('script', ['-qec', command, '/dev/null'], { env, encoding: 'utf8', input: '' });

  t.equal(result.status, 2, 'usage error');
  t.match(result.stdout, /would print secret keys to this terminal/, 'explains why');
  t.match(result.stdout, /awsmfa init bash/, 'shows how to install the function');
  t.notMatch(result.stdout, /AWS_SECRET_ACCESS_KEY=/, 'terminal never shows the secret key');
  t.notMatch(result.stdout, /started alice-mfasession/, 'no session is started, so no code is spent');
});

t.test('live session loads no SDK, prompt or execa', async (t) => {
  const home = makeHome();
  t.teardown(home.remove);
  const env = buildEnv(home.home, moto.endpoint, { AWSMFA_WRAPPER: 'bash' });
  t.equal(runAwsmfa(['use', 'alice', '--code', CODE], env).status, 0, 'first use starts the session');

  const traceFile = join(home.home, 'loaded.txt');
  const hooks = join(home.home, 'hooks.mjs');
  writeFileSync(hooks, `import { appendFileSync } from 'node:fs';\nexport async function load(url, context, next) {\n  appendFileSync(${JSON.stringify(traceFile)}, url + '\\n');\n  return next(url, context);\n}\n`);
  const register = join(home.home, 'register.mjs');
  writeFileSync(register, `import { register } from 'node:module';\nregister(${JSON.stringify(`file://${hooks}`)});\n`);
  const result = spawnSync(process.execPath, ['--import', register, BIN, 'use', 'alice'], { env, encoding: 'utf8', input: '' });
  t.equal(result.status, 0, result.stderr);
  t.match(result.stdout, /export AWS_PROFILE='alice-mfasession'/, 'selects the live session');

  const loaded = readFileSync(traceFile, 'utf8').trim().split('\n').filter((url) => url.startsWith('file:'));
  // Paths of chunks that are imported lazily may name a package; only loaded code counts.
  const code = loaded.map((url) => readFileSync(fileURLToPath(url), 'utf8').replace(/"\.{1,2}\/[^"]*\.js"/g, '""')).join('\n');
  t.notMatch(code, /GetSessionTokenCommand|ListMFADevicesCommand/, 'no AWS SDK module is loaded');
  t.notMatch(code, /Enquirer/, 'no prompt module is loaded');
  t.notMatch(code, /ExecaError/, 'execa is not loaded');
  t.notMatch(code, /yargs/i, 'yargs is not loaded');
});

for (const shell of ['bash', 'zsh', 'dash']) {
  t.test(`xtrace in ${shell} shows no keys`, async (t) => {
    const home = makeHome();
    t.teardown(home.remove);
    const env = buildEnv(home.home, moto.endpoint);
    const init = shell === 'dash' ? 'sh' : shell;
    const script = `code=$(awsmfa init ${init}) || exit 8\neval "$code"\nset -x\nawsmfa use alice --code ${CODE} --no-persist || exit 9\nset +x\nprintf '%s' "$AWS_SECRET_ACCESS_KEY"`;

    const result = runShell(shell, script, env);
    t.equal(result.status, 0, result.stderr);
    t.ok(result.stdout.length > 10, 'the secret key is exported');
    t.notOk(result.stderr.includes(result.stdout), 'the trace never shows it');
    t.match(result.stderr, /awsmfa use alice/, 'the trace is on around the call');
  });
}
