import { spawn } from 'node:child_process';
import { writeFileSync } from 'node:fs';
import { createServer, type AddressInfo, type Socket } from 'node:net';
import { hostname } from 'node:os';
import t from 'tap';
import { buildEnv, runAwsmfa, runAwsmfaAsync, runShell } from '../helpers/cli.js';
import { createHome, keySection } from '../helpers/home.js';
import { createUser, startMoto, type IamUser } from '../helpers/moto.js';

// moto serves the three setup requests that create the admin user, then checks every
// signature and IAM policy, as AWS does.
const moto = await startMoto({ unauthenticatedRequests: 3 });
t.teardown(() => moto.stop());
const admin = await createUser(moto.endpoint, 'admin', { mfa: false, policy: allowAll() });
const adminCredentials = { accessKeyId: admin.accessKeyId, secretAccessKey: admin.secretAccessKey };
const denied = await createUser(moto.endpoint, 'denied', {}, adminCredentials);

function allowAll(): object {
  return { Version: '2012-10-17', Statement: [{ Effect: 'Allow', Action: '*', Resource: '*' }] };
}

function homeFor(user: IamUser, serial = user.mfaSerial ?? 'arn:aws:iam::123456789012:mfa/admin') {
  return createHome({ config: `[profile dev]\nregion = eu-west-1\nmfa_serial = ${serial}\n`, credentials: keySection('dev', user) });
}

interface FailureCase {
  name: string;
  user: IamUser;
  args?: string[];
  endpoint?: string;
  status: number;
  message: RegExp;
  hint: RegExp;
}

const closedPort = await new Promise<number>((resolve) => {
  const server = createServer().listen(0, '127.0.0.1', () => {
    const address = server.address();
    server.close(() => resolve(typeof address === 'object' && address ? address.port : 1));
  });
});

const CASES: FailureCase[] = [
  {
    name: 'unknown access key id',
    user: { ...admin, accessKeyId: 'AKIAUNKNOWNEXAMPLE00' },
    status: 1,
    message: /does not know the access key id/,
    hint: /aws_access_key_id/,
  },
  {
    name: 'secret key mismatch',
    user: { ...admin, secretAccessKey: 'mockWrongSecretKeyEXAMPLEKEY000000000000' },
    status: 1,
    message: /secret access key does not match/,
    hint: /aws_secret_access_key/,
  },
  { name: 'access denied', user: denied, status: 1, message: /access denied for sts:GetSessionToken/, hint: /allow sts:GetSessionToken/ },
  { name: 'unreachable endpoint', user: admin, endpoint: `http://127.0.0.1:${closedPort}`, status: 1, message: /cannot reach http:\/\/127\.0\.0\.1/, hint: /AWS_ENDPOINT_URL/ },
  { name: 'unknown profile', user: admin, args: ['use', 'nope', '--code', '123456'], status: 1, message: /profile 'nope' not found/, hint: /known profiles: dev/ },
  { name: 'malformed code', user: admin, args: ['use', 'dev', '--code', '12ab'], status: 2, message: /invalid MFA code from --code/, hint: /six-digit/ },
  { name: 'duration too long', user: admin, args: ['use', 'dev', '--code', '123456', '--duration', '129601'], status: 2, message: /invalid session duration 129601/, hint: /--duration/ },
];

for (const failure of CASES) {
  t.test(`use fails on ${failure.name}`, async (t) => {
    const home = homeFor(failure.user);
    t.teardown(home.remove);
    const env = buildEnv(home.home, failure.endpoint ?? moto.endpoint, { AWSMFA_WRAPPER: 'bash' });
    const before = { config: home.read('config'), credentials: home.read('credentials') };

    const result = runAwsmfa(failure.args ?? ['use', 'dev', '--code', '123456'], env);
    t.equal(result.status, failure.status, 'exit status');
    t.equal(result.stdout, '', 'prints no shell code');
    t.match(result.stderr, failure.message, 'says what failed');
    t.match(result.stderr, failure.hint, 'gives the next step');
    t.notMatch(result.stderr, /internal error|at .*\.js:\d+/, 'shows no stack trace');
    t.notMatch(result.stderr, new RegExp(failure.user.secretAccessKey.replace(/[+/]/g, '.')), 'never shows the secret key');
    t.equal(home.read('config'), before.config, 'config unchanged');
    t.equal(home.read('credentials'), before.credentials, 'credentials unchanged');
  });
}

t.test('wrapper evaluates nothing on failure', async (t) => {
  const home = homeFor(denied);
  t.teardown(home.remove);
  const env = buildEnv(home.home, moto.endpoint, { AWS_PROFILE: 'before' });

  const result = runShell('bash', 'init=$(awsmfa init bash) || exit 8\neval "$init"\nawsmfa use dev --code 123456\nprintf "%s|%s" "$?" "$AWS_PROFILE"', env);
  t.equal(result.stdout, '1|before', 'status 1 and the environment untouched');
});

t.test('help evaluates nothing', async (t) => {
  const home = homeFor(admin);
  t.teardown(home.remove);
  const env = buildEnv(home.home, moto.endpoint, { AWS_PROFILE: 'before' });

  const result = runShell('bash', 'init=$(awsmfa init bash) || exit 8\neval "$init"\nawsmfa use --help\nprintf "%s|%s" "$?" "$AWS_PROFILE"', env);
  t.equal(result.stdout, '0|before', 'status 0 and the environment untouched');
  t.match(result.stderr, /--code/, 'help goes to stderr');
});

t.test('discovers the device with IAM', async (t) => {
  const user = await createUser(moto.endpoint, 'carol', { policy: allowAll() }, adminCredentials);
  const home = createHome({ config: '[profile carol]\nregion = eu-west-1\n', credentials: keySection('carol', user) });
  t.teardown(home.remove);
  const env = buildEnv(home.home, moto.endpoint, { AWSMFA_WRAPPER: 'bash' });

  const result = runAwsmfa(['--debug', 'use', 'carol', '--code', '123456'], env);
  t.equal(result.status, 0, result.stderr);
  t.match(result.stderr, /IAM lists 1 MFA device/, 'debug line names the source of the device');
  t.match(home.read('credentials'), /\[carol-mfasession\]/, 'session stored');
  t.notMatch(home.read('config'), /mfa_serial/, 'a single device is not written to the config');
});

t.test('prompt without a terminal fails clearly', async (t) => {
  const home = homeFor(admin);
  t.teardown(home.remove);
  const env = buildEnv(home.home, moto.endpoint, { AWSMFA_WRAPPER: 'bash' });
  const before = home.read('credentials');

  const result = runAwsmfa(['use', 'dev'], env);
  t.equal(result.status, 1, 'exit status 1');
  t.equal(result.stdout, '', 'prints no shell code');
  t.match(result.stderr, /standard input is not a terminal/, 'says why it cannot ask');
  t.match(result.stderr, /--code/, 'names the option to use');
  t.equal(home.read('credentials'), before, 'writes nothing');
});

t.test('silent endpoint times out', async (t) => {
  // A server that accepts connections and never responds, like a stalled proxy.
  const sockets: Socket[] = [];
  const server = createServer((socket) => sockets.push(socket));
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  t.teardown(() => {
    sockets.forEach((socket) => socket.destroy());
    server.close();
  });
  const address = server.address() as AddressInfo;
  const home = homeFor(admin);
  t.teardown(home.remove);
  const env = buildEnv(home.home, `http://127.0.0.1:${address.port}`, { AWSMFA_WRAPPER: 'bash' });

  const started = Date.now();
  const result = await runAwsmfaAsync(['use', 'dev', '--code', '123456'], env);
  t.equal(result.status, 1, 'exit status 1');
  t.match(result.stderr, /cannot reach http:\/\/127\.0\.0\.1/, 'says the endpoint did not answer');
  t.ok(Date.now() - started < 60_000, 'gives up within a minute');
});

t.test('held lock keeps the session in the shell', async (t) => {
  const user = await createUser(moto.endpoint, 'dora', { policy: allowAll() }, adminCredentials);
  const home = createHome({ config: `[profile dora]\nregion = eu-west-1\nmfa_serial = ${user.mfaSerial}\n`, credentials: keySection('dora', user) });
  t.teardown(home.remove);
  // A live process holds the lock on the credentials file for longer than the lock timeout.
  const holder = spawn('sleep', ['60']);
  t.teardown(() => holder.kill());
  writeFileSync(`${home.credentials}.awsmfa.lock`, `${holder.pid} ${hostname()} ${new Date().toISOString()}\n`);
  const env = buildEnv(home.home, moto.endpoint, { AWSMFA_WRAPPER: 'bash' });
  const before = home.read('credentials');

  const result = await runAwsmfaAsync(['use', 'dora', '--code', '123456'], env);
  t.equal(result.status, 0, result.stderr);
  t.match(result.stdout, /export AWS_SECRET_ACCESS_KEY=/, 'the session is exported');
  t.match(result.stdout, /was not stored/, 'the user learns why');
  t.equal(home.read('credentials'), before, 'the locked file is unchanged');
});
