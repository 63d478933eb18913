import { spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { CreateRoleCommand, IAMClient } from '@aws-sdk/client-iam';
import t from 'tap';
import { buildEnv, parseEnv0, runAwsmfa, runShell, type RunResult } from '../helpers/cli.js';
import { createHome, keySection, type TestHome } from '../helpers/home.js';
import { createUser, SETUP_CREDENTIALS, startMoto } from '../helpers/moto.js';

// moto_server writes its request recording to this file; each test file gets its own.
const recordingFolder = mkdtempSync(join(tmpdir(), 'awsmfa-recording-'));
process.env.MOTO_RECORDER_FILEPATH = join(recordingFolder, 'requests.jsonl');
t.teardown(() => rmSync(recordingFolder, { recursive: true, force: true }));

const moto = await startMoto();
t.teardown(() => moto.stop());
const alice = await createUser(moto.endpoint, 'alice');
const roles = {
  prod: await createRole('prod', { mfa: true, maxSessionDuration: 43200 }),
  inner: await createRole('inner', { path: '/team/' }),
  outer: await createRole('outer', {}),
  partner: await createRole('partner', { externalId: 'mock-external-id-42' }),
};
await postRecorder('start-recording');

const CODE = '123456';

/** What moto recorded of one STS request. */
interface RecordedRequest {
  action: string;
  /** Access key id that signed the request, from the Authorization header. */
  signedBy: string;
  params: URLSearchParams;
}

async function createRole(name: string, options: { mfa?: boolean; path?: string; externalId?: string; maxSessionDuration?: number }): Promise<string> {
  const condition: Record<string, Record<string, string>> = {};
  if (options.mfa) {
    condition.Bool = { 'aws:MultiFactorAuthPresent': 'true' };
  }
  if (options.externalId) {
    condition.StringEquals = { 'sts:ExternalId': options.externalId };
  }
  const statement = { Effect: 'Allow', Principal: { AWS: 'arn:aws:iam::123456789012:root' }, Action: 'sts:AssumeRole', Condition: condition };
  const iam = new IAMClient({ endpoint: moto.endpoint, region: 'us-east-1', credentials: SETUP_CREDENTIALS });
  const output = await iam.send(
    new CreateRoleCommand({
      RoleName: name,
      Path: options.path,
      AssumeRolePolicyDocument: JSON.stringify({ Version: '2012-10-17', Statement: [statement] }),
      MaxSessionDuration: options.maxSessionDuration,
    }),
  );
  return output.Role?.Arn ?? '';
}

async function postRecorder(action: string): Promise<void> {
  const response = await fetch(`${moto.endpoint}/moto-api/recorder/${action}`, { method: 'POST' });
  if (!response.ok) {
    throw new Error(`moto recorder ${action} failed: ${response.status}`);
  }
}

/** Read every STS request that reached moto since the last reset, leaving out IAM and moto-api requests. */
async function readStsRequests(): Promise<RecordedRequest[]> {
  const text = await (await fetch(`${moto.endpoint}/moto-api/recorder/download-recording`)).text();
  const requests: RecordedRequest[] = [];
  for (const line of text.split('\n').filter(Boolean)) {
    const entry = JSON.parse(line) as { headers: Record<string, string>; body: string; body_encoded: boolean };
    const body = entry.body_encoded ? Buffer.from(entry.body, 'base64').toString('utf8') : (entry.body ?? '');
    const params = new URLSearchParams(body);
    const signedBy = /Credential=([^/]+)\//.exec(entry.headers.Authorization ?? '')?.[1] ?? '';
    const scope = /Credential=[^/]+\/\d+\/[^/]+\/([^/]+)\//.exec(entry.headers.Authorization ?? '')?.[1];
    if (scope === 'sts') {
      requests.push({ action: params.get('Action') ?? '', signedBy, params });
    }
  }
  return requests;
}

async function readAssumeRoleRequests(): Promise<RecordedRequest[]> {
  return (await readStsRequests()).filter((request) => request.action === 'AssumeRole');
}

/** Pick the fields of an AssumeRole request that these tests check. */
function describeAssumeRole(request: RecordedRequest | undefined): Record<string, string | null> {
  const params = request?.params ?? new URLSearchParams();
  return {
    RoleArn: params.get('RoleArn'),
    RoleSessionName: params.get('RoleSessionName'),
    ExternalId: params.get('ExternalId'),
    SerialNumber: params.get('SerialNumber'),
    TokenCode: params.get('TokenCode'),
    DurationSeconds: params.get('DurationSeconds'),
  };
}

function configText(): string {
  return [
    '[default]',
    'region = us-east-1',
    '',
    '[profile alice]',
    'region = eu-west-1',
    `mfa_serial = ${alice.mfaSerial}`,
    '',
    '[profile prod]',
    `role_arn = ${roles.prod}`,
    'source_profile = alice',
    '',
    '[profile inner]',
    `role_arn = ${roles.inner}`,
    'source_profile = alice',
    '',
    '[profile outer]',
    `role_arn = ${roles.outer}`,
    'source_profile = inner',
    'output = text',
    '',
    '[profile partner]',
    `role_arn = ${roles.partner}`,
    'source_profile = alice',
    'external_id = mock-external-id-42',
    'role_session_name = alice-partner',
    '',
    '[profile fromenv]',
    `role_arn = ${roles.outer}`,
    'credential_source = Environment',
    '',
    '[profile onec2]',
    `role_arn = ${roles.outer}`,
    'credential_source = Ec2InstanceMetadata',
    '',
    '[profile selfloop]',
    `role_arn = ${roles.prod}`,
    'source_profile = selfloop',
    '',
    '[profile loop-a]',
    `role_arn = ${roles.prod}`,
    'source_profile = loop-b',
    '[profile loop-b]',
    `role_arn = ${roles.inner}`,
    'source_profile = loop-c',
    '[profile loop-c]',
    `role_arn = ${roles.outer}`,
    'source_profile = loop-a',
    '',
  ].join('\n');
}

async function prepareHome(t: { teardown: (fn: () => void) => void }): Promise<{ home: TestHome; env: NodeJS.ProcessEnv }> {
  const home = createHome({ config: configText(), credentials: keySection('alice', alice) });
  t.teardown(home.remove);
  await postRecorder('reset-recording');
  return { home, env: buildEnv(home.home, moto.endpoint) };
}

/** Run `awsmfa use ARGS` through the bash function, with stdin from /dev/null, and return the environment after it. */
function useInBash(args: string, env: NodeJS.ProcessEnv): { result: RunResult; vars: Map<string, string> } {
  const script = `set -u\neval "$(awsmfa init bash)"\nawsmfa use ${args} </dev/null || exit $?\nenv -0`;
  const result = runShell('bash', script, env);
  return { result, vars: parseEnv0(result.stdout) };
}

/** Read one key of a section in an INI text (enough for the files awsmfa writes here). */
function readKey(text: string, section: string, key: string): string | undefined {
  const start = text.indexOf(`[${section}]`);
  if (start === -1) {
    return undefined;
  }
  const body = text.slice(start).split(/\n\[/)[0] ?? '';
  return new RegExp(`^${key} = (.*)$`, 'm').exec(body)?.[1];
}

function callerArn(profile: string, env: NodeJS.ProcessEnv): { status: number | null; arn: string; stderr: string } {
  const result = spawnSync('aws', ['sts', 'get-caller-identity', '--profile', profile, '--output', 'json'], { env, encoding: 'utf8' });
  const arn = result.status === 0 ? ((JSON.parse(result.stdout) as { Arn: string }).Arn ?? '') : '';
  return { status: result.status, arn, stderr: result.stderr };
}

function checkRoleSessionSelected(test: Pick<typeof t, 'equal' | 'notOk'>, vars: Map<string, string>, role: string): void {
  test.equal(vars.get('AWS_PROFILE'), `${role}-rolesession`, 'AWS_PROFILE selects the role session');
  test.equal(vars.get('AWS_DEFAULT_PROFILE'), `${role}-rolesession`, 'AWS_DEFAULT_PROFILE selects the role session');
  test.equal(vars.get('AWS_SESSION_TYPE'), 'rolesession');
  test.equal(vars.get('AWS_SESSION_IDENT'), `${role}-rolesession`);
  test.equal(vars.get('AWS_PROFILE_IDENT'), role);
  test.notOk(vars.has('AWS_SECRET_ACCESS_KEY'), 'no keys exported');
}

t.test('role from a base profile with MFA', async (t) => {
  const { home, env } = await prepareHome(t);
  const before = Date.now() / 1000;

  const { result, vars } = useInBash(`prod --code ${CODE}`, env);
  t.equal(result.status, 0, `bash exits 0; stderr: ${result.stderr}`);
  checkRoleSessionSelected(t, vars, 'prod');
  t.equal(vars.get('AWS_REGION'), 'eu-west-1', 'region from the source profile');

  const requests = await readAssumeRoleRequests();
  t.equal(requests.length, 1, 'one AssumeRole request');
  t.same(describeAssumeRole(requests[0]), {
    RoleArn: roles.prod,
    RoleSessionName: 'prod-rolesession',
    ExternalId: null,
    SerialNumber: alice.mfaSerial,
    TokenCode: CODE,
    DurationSeconds: '3600',
  });
  t.equal(requests[0]?.signedBy, alice.accessKeyId, 'signed with the long-term key of alice');

  const credentials = home.read('credentials');
  for (const key of ['aws_access_key_id', 'aws_secret_access_key', 'aws_session_token', 'aws_session_expiry', 'x_security_token_expires']) {
    t.ok(readKey(credentials, 'prod-rolesession', key), `credentials file has ${key}`);
  }
  const expiry = Number(readKey(credentials, 'prod-rolesession', 'aws_session_expiry'));
  t.ok(Math.abs(expiry - (before + 3600)) < 120, 'stored expiry is one hour ahead');
  t.match(home.read('config'), /\[profile prod-rolesession\]\nregion = eu-west-1\n/);

  const caller = callerArn('prod-rolesession', env);
  t.equal(caller.status, 0, `aws CLI reads the session: ${caller.stderr}`);
  t.equal(caller.arn, 'arn:aws:sts::123456789012:assumed-role/prod/prod-rolesession', 'aws CLI is the assumed role');

  await postRecorder('reset-recording');
  const again = useInBash('prod', env);
  t.equal(again.result.status, 0, `second use exits 0: ${again.result.stderr}`);
  t.equal(again.vars.get('AWS_PROFILE'), 'prod-rolesession', 'second use selects the live session');
  t.same(await readStsRequests(), [], 'second use sends no STS request');
  t.equal(home.read('credentials'), credentials, 'second use writes nothing');
});

t.test('role through the live MFA session of the source', async (t) => {
  const { home, env } = await prepareHome(t);
  const mfa = runShell('bash', `set -u\neval "$(awsmfa init bash)"\nawsmfa use alice --code ${CODE} </dev/null`, env);
  t.equal(mfa.status, 0, `MFA session starts: ${mfa.stderr}`);
  const sessionKey = readKey(home.read('credentials'), 'alice-mfasession', 'aws_access_key_id');
  t.ok(sessionKey, 'alice-mfasession is stored');
  await postRecorder('reset-recording');

  const { result, vars } = useInBash('prod', env);
  t.equal(result.status, 0, `bash exits 0 with no code and stdin from /dev/null; stderr: ${result.stderr}`);
  t.notMatch(result.stderr, /MFA code/, 'no code is asked');
  checkRoleSessionSelected(t, vars, 'prod');

  const requests = await readStsRequests();
  t.same(requests.map((request) => request.action), ['AssumeRole'], 'only AssumeRole reaches STS');
  t.same(describeAssumeRole(requests[0]), {
    RoleArn: roles.prod,
    RoleSessionName: 'prod-rolesession',
    ExternalId: null,
    SerialNumber: null,
    TokenCode: null,
    DurationSeconds: '3600',
  });
  t.equal(requests[0]?.signedBy, sessionKey, 'signed with alice-mfasession');

  const caller = callerArn('prod-rolesession', env);
  t.equal(caller.status, 0, caller.stderr);
  t.equal(caller.arn, 'arn:aws:sts::123456789012:assumed-role/prod/prod-rolesession');
});

t.test('chained role two levels deep', async (t) => {
  const { home, env } = await prepareHome(t);

  const { result, vars } = useInBash(`outer --code ${CODE}`, env);
  t.equal(result.status, 0, `bash exits 0; stderr: ${result.stderr}`);
  checkRoleSessionSelected(t, vars, 'outer');
  t.equal(vars.get('AWS_DEFAULT_OUTPUT'), 'text', 'output from the role itself');
  t.equal(vars.get('AWS_REGION'), 'eu-west-1', 'region from the end of the chain');
  t.match(result.stderr, /started inner-rolesession[\s\S]*started outer-rolesession/, 'both sessions are reported in order');

  const credentials = home.read('credentials');
  const [inner, outer] = await readAssumeRoleRequests();
  t.same(describeAssumeRole(inner), {
    RoleArn: roles.inner,
    RoleSessionName: 'inner-rolesession',
    ExternalId: null,
    SerialNumber: alice.mfaSerial,
    TokenCode: CODE,
    DurationSeconds: '3600',
  });
  t.equal(inner?.signedBy, alice.accessKeyId, 'inner role signed with alice');
  t.same(describeAssumeRole(outer), {
    RoleArn: roles.outer,
    RoleSessionName: 'outer-rolesession',
    ExternalId: null,
    SerialNumber: null,
    TokenCode: null,
    DurationSeconds: '3600',
  });
  t.equal(outer?.signedBy, readKey(credentials, 'inner-rolesession', 'aws_access_key_id'), 'outer role signed with the inner session');
  t.match(home.read('config'), /\[profile outer-rolesession\]\nregion = eu-west-1\noutput = text/, 'region from the chain, output from the role');

  const caller = callerArn('outer-rolesession', env);
  t.equal(caller.status, 0, caller.stderr);
  t.equal(caller.arn, 'arn:aws:sts::123456789012:assumed-role/outer/outer-rolesession');
});

t.test('role with an external id', async (t) => {
  const { env } = await prepareHome(t);

  const { result, vars } = useInBash(`partner --code ${CODE}`, env);
  t.equal(result.status, 0, `bash exits 0; stderr: ${result.stderr}`);
  checkRoleSessionSelected(t, vars, 'partner');

  const requests = await readAssumeRoleRequests();
  t.same(describeAssumeRole(requests[0]), {
    RoleArn: roles.partner,
    RoleSessionName: 'alice-partner',
    ExternalId: 'mock-external-id-42',
    SerialNumber: alice.mfaSerial,
    TokenCode: CODE,
    DurationSeconds: '3600',
  });

  const caller = callerArn('partner-rolesession', env);
  t.equal(caller.status, 0, caller.stderr);
  t.equal(caller.arn, 'arn:aws:sts::123456789012:assumed-role/partner/alice-partner');
});

t.test('role through --via a live role session', async (t) => {
  const { home, env } = await prepareHome(t);
  const first = useInBash(`prod --code ${CODE}`, env);
  t.equal(first.result.status, 0, `prod session starts: ${first.result.stderr}`);
  const prodKey = readKey(home.read('credentials'), 'prod-rolesession', 'aws_access_key_id');
  await postRecorder('reset-recording');

  const { result, vars } = useInBash('partner --via prod-rolesession --duration 5400', env);
  t.equal(result.status, 0, `bash exits 0; stderr: ${result.stderr}`);
  t.match(result.stderr, /role chaining.*3600 s.*5400 s/, 'stderr explains the cap');
  checkRoleSessionSelected(t, vars, 'partner');

  const requests = await readAssumeRoleRequests();
  t.equal(requests.length, 1, 'one AssumeRole request');
  t.same(describeAssumeRole(requests[0]), {
    RoleArn: roles.partner,
    RoleSessionName: 'alice-partner',
    ExternalId: 'mock-external-id-42',
    SerialNumber: null,
    TokenCode: null,
    DurationSeconds: '3600',
  });
  t.equal(requests[0]?.signedBy, prodKey, 'signed with prod-rolesession');
});

t.test('credential_source = Environment signs with the environment keys', async (t) => {
  const { env } = await prepareHome(t);
  const withKeys = { ...env, AWS_ACCESS_KEY_ID: alice.accessKeyId, AWS_SECRET_ACCESS_KEY: alice.secretAccessKey };

  const { result, vars } = useInBash('fromenv', withKeys);
  t.equal(result.status, 0, `bash exits 0; stderr: ${result.stderr}`);
  checkRoleSessionSelected(t, vars, 'fromenv');
  t.notOk(vars.has('AWS_ACCESS_KEY_ID'), 'the environment keys are removed after activation');

  const requests = await readAssumeRoleRequests();
  t.same(describeAssumeRole(requests[0]), {
    RoleArn: roles.outer,
    RoleSessionName: 'fromenv-rolesession',
    ExternalId: null,
    SerialNumber: null,
    TokenCode: null,
    DurationSeconds: '3600',
  });
  t.equal(requests[0]?.signedBy, alice.accessKeyId, 'signed with the environment keys');

  const caller = callerArn('fromenv-rolesession', env);
  t.equal(caller.status, 0, caller.stderr);
  t.equal(caller.arn, 'arn:aws:sts::123456789012:assumed-role/outer/fromenv-rolesession');
});

t.test('credential_source = Ec2InstanceMetadata is rejected', async (t) => {
  const { home, env } = await prepareHome(t);
  const before = home.read('credentials');

  const { result } = useInBash('onec2', env);
  t.equal(result.status, 1, 'exits 1');
  t.match(result.stderr, 'Ec2InstanceMetadata');
  t.match(result.stderr, 'AWS CLI', 'points to the AWS CLI');
  t.same(await readStsRequests(), [], 'no request reaches STS');
  t.equal(home.read('credentials'), before, 'credentials unchanged');
});

t.test('chained role asked for 7200 s gets 3600 s', async (t) => {
  const { home, env } = await prepareHome(t);
  const before = Date.now() / 1000;

  const { result, vars } = useInBash(`outer --code ${CODE} --duration 7200`, env);
  t.equal(result.status, 0, `bash exits 0; stderr: ${result.stderr}`);
  t.match(result.stderr, /role chaining.*3600 s.*7200 s/, 'stderr explains the cap');
  checkRoleSessionSelected(t, vars, 'outer');

  const requests = await readAssumeRoleRequests();
  t.same(requests.map((request) => request.params.get('DurationSeconds')), ['3600', '3600'], 'both requests ask for 3600 s');
  const expiry = Number(readKey(home.read('credentials'), 'outer-rolesession', 'aws_session_expiry'));
  t.ok(expiry - before <= 3600 + 120, 'stored session lasts at most one hour');
});

t.test('43201 s is rejected before any prompt', async (t) => {
  const { home, env } = await prepareHome(t);
  const before = { config: home.read('config'), credentials: home.read('credentials') };

  const result = runAwsmfa(['use', 'prod', '--duration', '43201'], env);
  t.equal(result.status, 2, 'usage error');
  t.match(result.stderr, '43201');
  t.match(result.stderr, '900 to 43200');
  t.notMatch(result.stderr, /MFA code/, 'no code is asked');
  t.equal(result.stdout, '', 'nothing to evaluate');
  t.same(await readStsRequests(), [], 'no request reaches STS');
  t.equal(home.read('config'), before.config);
  t.equal(home.read('credentials'), before.credentials);
});

for (const [profile, loop] of [
  ['selfloop', 'selfloop -> selfloop'],
  ['loop-a', 'loop-a -> loop-b -> loop-c -> loop-a'],
] as const) {
  t.test(`${profile} fails naming the loop`, async (t) => {
    const { home, env } = await prepareHome(t);
    const before = { config: home.read('config'), credentials: home.read('credentials') };

    const { result } = useInBash(`${profile} --code ${CODE}`, env);
    t.equal(result.status, 1, 'exits 1');
    t.match(result.stderr, loop, 'error names every profile in the loop');
    t.same(await readStsRequests(), [], 'no request reaches STS');
    t.equal(home.read('config'), before.config, 'config unchanged');
    t.equal(home.read('credentials'), before.credentials, 'credentials unchanged');
  });
}

t.test('--debug of a role use shows no secret', async (t) => {
  const { home, env } = await prepareHome(t);
  const code = '314159';

  const result = runAwsmfa(['--debug', 'use', 'outer', '--code', code, '--export-secrets'], env);
  t.equal(result.status, 0, result.stderr);
  t.match(result.stderr, /awsmfa\[debug\] role chain outer -> inner -> alice/, 'debug lines are printed');
  t.match(result.stderr, /caller for inner/, 'debug explains the caller');

  const credentials = home.read('credentials');
  const secrets = [
    ['alice secret key', alice.secretAccessKey],
    ['MFA code', code],
    ['inner secret key', readKey(credentials, 'inner-rolesession', 'aws_secret_access_key')],
    ['inner session token', readKey(credentials, 'inner-rolesession', 'aws_session_token')],
    ['outer secret key', readKey(credentials, 'outer-rolesession', 'aws_secret_access_key')],
    ['outer session token', readKey(credentials, 'outer-rolesession', 'aws_session_token')],
  ] as const;
  for (const [label, secret] of secrets) {
    t.ok(secret, `${label} is known`);
    t.notOk(result.stderr.includes(secret ?? '<missing>'), `${label} is not on stderr`);
  }
  t.ok(result.stdout.includes(readKey(credentials, 'outer-rolesession', 'aws_session_token') ?? '<missing>'), 'the eval payload carries the session token');
  t.notOk(result.stdout.includes(alice.secretAccessKey), 'the eval payload has no long-term secret');
});
