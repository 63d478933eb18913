import t from 'tap';
import { runUse, type UseInput } from '../../src/commands/use.js';
import { AccessDeniedError, EndpointUnreachableError, InvalidTokenCodeError } from '../../src/aws/errors.js';
import type { AssumeRoleInput, AwsApi, GetSessionTokenInput, RoleDetails, SessionCredentials, StaticCredentials } from '../../src/aws/types.js';
import { UsageError } from '../../src/errors.js';
import { ProfileCycleError, UnsupportedRoleSourceError } from '../../src/profiles/chain.js';
import type { Prompter } from '../../src/prompt.js';
import { EnvironmentCredentialsMissingError } from '../../src/session/credentials.js';
import { MfaRequiredError } from '../../src/session/role-caller.js';
import { RoleDurationTooLongError } from '../../src/session/role-duration.js';
import { createHome, type TestHome } from '../helpers/home.js';

const NOW_MS = Date.UTC(2030, 0, 1);
const NOW = NOW_MS / 1000;
const ACCOUNT = '123456789012';
const ALICE_DEVICE = `arn:aws:iam::${ACCOUNT}:mfa/alice`;
const ALICE_KEYS = { accessKeyId: 'AKIAALICEEXAMPLE0001', secretAccessKey: 'mockAliceSecretEXAMPLE' };
const MFA_REQUIRED_POLICY = encodeURIComponent(
  JSON.stringify({ Statement: [{ Effect: 'Allow', Principal: { AWS: `arn:aws:iam::${ACCOUNT}:root` }, Action: 'sts:AssumeRole', Condition: { Bool: { 'aws:MultiFactorAuthPresent': 'true' } } }] }),
);

function roleArn(name: string): string {
  return `arn:aws:iam::${ACCOUNT}:role/${name}`;
}

const CONFIG = [
  '[default]',
  'output = json',
  '[profile alice]',
  'region = eu-west-1',
  `mfa_serial = ${ALICE_DEVICE}`,
  '[profile nodevice]',
  'region = us-west-2',
  '[profile prod]',
  `role_arn = ${roleArn('prod')}`,
  'source_profile = alice',
  'external_id = mock-external-id',
  'role_session_name = alice@example.com',
  '[profile plain]',
  `role_arn = ${roleArn('plain')}`,
  'source_profile = nodevice',
  'region = ap-south-1',
  '[profile inner]',
  `role_arn = ${roleArn('inner')}`,
  'source_profile = alice',
  '[profile outer]',
  `role_arn = ${roleArn('outer')}`,
  'source_profile = inner',
  'output = text',
  '[profile guarded]',
  `role_arn = ${roleArn('guarded')}`,
  'source_profile = outer',
  `mfa_serial = ${roleArn('x').replace(':role/x', ':mfa/guard')}`,
  '[profile fromenv]',
  `role_arn = ${roleArn('fromenv')}`,
  'credential_source = Environment',
  '[profile onec2]',
  `role_arn = ${roleArn('onec2')}`,
  'credential_source = Ec2InstanceMetadata',
  '[profile selfloop]',
  `role_arn = ${roleArn('selfloop')}`,
  'source_profile = selfloop',
  '[profile loop-a]',
  `role_arn = ${roleArn('a')}`,
  'source_profile = loop-b',
  '[profile loop-b]',
  `role_arn = ${roleArn('b')}`,
  'source_profile = loop-c',
  '[profile loop-c]',
  `role_arn = ${roleArn('c')}`,
  'source_profile = loop-a',
  '',
].join('\n');

const CREDENTIALS = [
  '[alice]',
  `aws_access_key_id = ${ALICE_KEYS.accessKeyId}`,
  `aws_secret_access_key = ${ALICE_KEYS.secretAccessKey}`,
  '[nodevice]',
  'aws_access_key_id = AKIANODEVICEEXAMPLE1',
  'aws_secret_access_key = mockNoDeviceSecret',
  '',
].join('\n');

interface Call {
  action: string;
  credentials: StaticCredentials;
  input?: AssumeRoleInput | GetSessionTokenInput | string;
}

/** An AwsApi that records every call and returns mock sessions. */
class FakeAws implements AwsApi {
  readonly calls: Call[] = [];
  readonly roles = new Map<string, RoleDetails>();
  rejectedCodes = new Set<string>();
  getRoleError: Error | undefined;
  assumeRoleError: Error | undefined;
  devices = [ALICE_DEVICE];
  private counter = 0;

  async getSessionToken(credentials: StaticCredentials, input: GetSessionTokenInput): Promise<SessionCredentials> {
    this.calls.push({ action: 'GetSessionToken', credentials, input });
    this.checkCode(input.tokenCode);
    return this.issue('mfa', input.durationSeconds);
  }

  async assumeRole(credentials: StaticCredentials, input: AssumeRoleInput): Promise<SessionCredentials> {
    this.calls.push({ action: 'AssumeRole', credentials, input });
    if (this.assumeRoleError) {
      throw this.assumeRoleError;
    }
    this.checkCode(input.tokenCode);
    return this.issue(input.roleArn.split('/').pop() ?? 'role', input.durationSeconds);
  }

  async getCallerIdentity(): Promise<never> {
    throw new Error('not used');
  }

  async listMfaDevices(credentials: StaticCredentials) {
    this.calls.push({ action: 'ListMFADevices', credentials });
    return this.devices.map((serialNumber) => ({ serialNumber }));
  }

  async getRole(credentials: StaticCredentials, roleName: string): Promise<RoleDetails> {
    this.calls.push({ action: 'GetRole', credentials, input: roleName });
    const details = this.roles.get(roleName);
    if (this.getRoleError) {
      throw this.getRoleError;
    }
    if (details === undefined) {
      throw new AccessDeniedError('iam:GetRole', 'access denied', 'mock', undefined);
    }
    return details;
  }

  assumeCalls(): Array<{ credentials: StaticCredentials; input: AssumeRoleInput }> {
    return this.calls.filter((call) => call.action === 'AssumeRole') as Array<{ credentials: StaticCredentials; input: AssumeRoleInput }>;
  }

  private checkCode(code: string | undefined): void {
    if (code !== undefined && this.rejectedCodes.has(code)) {
      throw new InvalidTokenCodeError('the MFA code was rejected by AWS');
    }
  }

  private issue(label: string, seconds: number): SessionCredentials {
    this.counter += 1;
    const id = `${label}${this.counter}`.toUpperCase().replace(/[^A-Z0-9]/g, '');
    return {
      accessKeyId: `ASIA${id}`.padEnd(20, 'X'),
      secretAccessKey: `mockSecret-${label}-${this.counter}`,
      sessionToken: `mockToken-${label}-${this.counter}`,
      expiration: new Date(NOW_MS + seconds * 1000),
    };
  }
}

/** A prompter that answers from a queue and fails on any question it was not given an answer for. */
class FakePrompter implements Prompter {
  readonly questions: string[] = [];

  constructor(private readonly answers: string[] = []) {}

  async askSecret(message: string): Promise<string> {
    this.questions.push(message);
    const answer = this.answers.shift();
    if (answer === undefined) {
      throw new Error(`unexpected prompt: ${message}`);
    }
    return answer;
  }

  async choose(message: string, choices: Array<{ name: string }>): Promise<string> {
    this.questions.push(message);
    return choices[0]?.name ?? '';
  }
}

interface Setup {
  home: TestHome;
  aws: FakeAws;
  prompter: FakePrompter;
  notices: string[];
  apiCreated: number;
  use: (input: Partial<UseInput> & { profile: string }) => ReturnType<typeof runUse>;
}

interface SetupOptions {
  config?: string;
  credentials?: string;
  answers?: string[];
  env?: NodeJS.ProcessEnv;
}

/** Create a temporary home with CONFIG and CREDENTIALS, a FakeAws and a FakePrompter, wired into runUse. */
function setup(t: { teardown: (fn: () => void) => void }, options: SetupOptions = {}): Setup {
  const home = createHome({ config: options.config ?? CONFIG, credentials: options.credentials ?? CREDENTIALS });
  t.teardown(home.remove);
  const aws = new FakeAws();
  const prompter = new FakePrompter(options.answers);
  const result: Setup = {
    home,
    aws,
    prompter,
    notices: [],
    apiCreated: 0,
    use: (input) =>
      runUse(
        { noMfa: false, persist: true, exportSecrets: false, ...input },
        {
          env: options.env ?? {},
          paths: { config: home.config, credentials: home.credentials },
          settings: {},
          now: () => NOW_MS,
          createApi: () => {
            result.apiCreated += 1;
            return aws;
          },
          prompter,
          notify: (message) => result.notices.push(message),
        },
      ),
  };
  return result;
}

function liveSession(name: string, secondsLeft: number, label = name): string {
  return [`[${name}]`, `aws_access_key_id = ASIA${label.toUpperCase().replace(/[^A-Z]/g, '')}`.slice(0, 24), `aws_secret_access_key = mockSecret-${label}`, `aws_session_token = mockToken-${label}`, `aws_session_expiry = ${NOW + secondsLeft}`, ''].join('\n');
}

t.test('role with a source device', async (t) => {
  t.test('assumes the role with a one-off code and stores the session', async (t) => {
    const { home, aws, prompter, use } = setup(t);
    const activation = await use({ profile: 'prod', code: '314159' });

    const [call] = aws.assumeCalls();
    t.equal(aws.assumeCalls().length, 1, 'one AssumeRole call');
    t.same(call?.credentials, ALICE_KEYS, 'signed with the source keys');
    t.same(call?.input, {
      roleArn: roleArn('prod'),
      roleSessionName: 'alice@example.com',
      durationSeconds: 3600,
      externalId: 'mock-external-id',
      serialNumber: ALICE_DEVICE,
      tokenCode: '314159',
    });
    t.same(prompter.questions, [], 'no prompt with --code');
    t.equal(activation.profile, 'prod-rolesession');
    t.equal(activation.ident, 'prod');
    t.equal(activation.credentials, undefined, 'selected by reference');
    t.equal(activation.session?.type, 'rolesession');
    t.equal(activation.session?.expiry, NOW + 3600);
    t.equal(activation.region, 'eu-west-1', 'region from the source');
    t.equal(activation.output, 'json', 'output from [default]');

    const credentials = home.read('credentials');
    t.match(credentials, /\[prod-rolesession\]\naws_access_key_id = ASIAPROD\w*\naws_secret_access_key = mockSecret-prod-1\naws_session_token = mockToken-prod-1\naws_session_expiry = \d+\nx_security_token_expires = 2030-01-01T01:00:00Z/);
    t.match(home.read('config'), /\[profile prod-rolesession\]\nregion = eu-west-1\noutput = json/);
  });

  t.test('asks for a code and retries a rejected one', async (t) => {
    const { aws, prompter, use } = setup(t, { answers: ['111111', '222222'] });
    aws.rejectedCodes.add('111111');
    await use({ profile: 'prod' });

    t.equal(prompter.questions.length, 2, 'asked twice');
    t.match(prompter.questions[1], 'Code rejected');
    t.same(aws.assumeCalls().map((call) => call.input.tokenCode), ['111111', '222222']);
  });

  t.test('goes on without MFA after a blank code', async (t) => {
    const { aws, use } = setup(t, { answers: [''] });
    await use({ profile: 'prod' });

    const calls = aws.assumeCalls();
    t.equal(calls.length, 1);
    t.equal(calls[0]?.input.serialNumber, undefined, 'no serial');
    t.equal(calls[0]?.input.tokenCode, undefined, 'no code');
  });

  t.test('reuses a live role session without AWS calls or prompts', async (t) => {
    const { aws, prompter, use, ...rest } = setup(t, { credentials: CREDENTIALS + liveSession('prod-rolesession', 1800) });
    const activation = await use({ profile: 'prod' });

    t.equal(activation.profile, 'prod-rolesession');
    t.equal(activation.session?.expiry, NOW + 1800);
    t.equal(activation.region, 'eu-west-1', 'region inherited along the chain');
    t.same(aws.calls, []);
    t.same(prompter.questions, []);
    t.equal(rest.apiCreated, 0, 'no AWS client created');
  });

  t.test('activates a stored role session by name with the inherited region', async (t) => {
    const { aws, use } = setup(t, { credentials: CREDENTIALS + liveSession('outer-rolesession', 1800) });
    const activation = await use({ profile: 'outer-rolesession' });
    t.equal(activation.profile, 'outer-rolesession');
    t.equal(activation.ident, 'outer');
    t.equal(activation.region, 'eu-west-1', 'region from the end of the chain');
    t.equal(activation.output, 'text', 'output from the role');
    t.same(aws.calls, []);
  });

  t.test('starts a new session with --via even when one is live', async (t) => {
    const { aws, use } = setup(t, { credentials: CREDENTIALS + liveSession('prod-rolesession', 1800) });
    await use({ profile: 'prod', via: 'code', code: '314159' });
    t.equal(aws.assumeCalls().length, 1);
  });

  t.test('exports the keys with --no-persist and writes nothing', async (t) => {
    const { home, use } = setup(t);
    const before = { config: home.read('config'), credentials: home.read('credentials') };
    const activation = await use({ profile: 'prod', code: '314159', persist: false });

    t.match(activation.credentials?.accessKeyId, /^ASIA/);
    t.equal(activation.credentials?.secretAccessKey, 'mockSecret-prod-1');
    t.equal(home.read('config'), before.config);
    t.equal(home.read('credentials'), before.credentials);
  });
});

t.test('role through the source MFA session', async (t) => {
  t.test('uses the live session without a code', async (t) => {
    const { aws, prompter, use } = setup(t, { credentials: CREDENTIALS + liveSession('alice-mfasession', 7200) });
    await use({ profile: 'prod' });

    const [call] = aws.assumeCalls();
    t.equal(call?.credentials.secretAccessKey, 'mockSecret-alice-mfasession', 'signed with the MFA session');
    t.equal(call?.input.serialNumber, undefined);
    t.equal(call?.input.tokenCode, undefined);
    t.same(prompter.questions, []);
  });

  t.test('--via new-session starts and stores the MFA session first', async (t) => {
    const { home, aws, use } = setup(t);
    const activation = await use({ profile: 'prod', via: 'new-session', code: '314159' });

    t.same(aws.calls.map((call) => call.action), ['GetRole', 'GetSessionToken', 'AssumeRole']);
    const [call] = aws.assumeCalls();
    t.equal(call?.credentials.secretAccessKey, 'mockSecret-mfa-1', 'signed with the new MFA session');
    t.equal(call?.input.tokenCode, undefined);
    t.match(home.read('credentials'), '[alice-mfasession]');
    t.match(activation.messages?.join('\n'), /started alice-mfasession.*\n.*started prod-rolesession/);
  });

  t.test('--via keys signs with the source keys without MFA', async (t) => {
    const { aws, use } = setup(t);
    await use({ profile: 'prod', via: 'keys' });
    const [call] = aws.assumeCalls();
    t.same(call?.credentials, ALICE_KEYS);
    t.equal(call?.input.serialNumber, undefined);
  });

  t.test('--via NAME signs with that session', async (t) => {
    const { aws, use } = setup(t, { credentials: CREDENTIALS + liveSession('bob-mfasession', 7200) });
    await use({ profile: 'prod', via: 'bob-mfasession' });
    t.equal(aws.assumeCalls()[0]?.credentials.secretAccessKey, 'mockSecret-bob-mfasession');
    t.equal(aws.assumeCalls()[0]?.input.durationSeconds, 3600);
  });

  t.test('--no-mfa on a role signs with the source keys', async (t) => {
    const { aws, prompter, use } = setup(t);
    await use({ profile: 'prod', noMfa: true });
    t.same(aws.assumeCalls()[0]?.credentials, ALICE_KEYS);
    t.equal(aws.assumeCalls()[0]?.input.tokenCode, undefined);
    t.same(prompter.questions, []);
  });

  t.test('--no-mfa with --via is a usage error', async (t) => {
    const { use } = setup(t);
    await t.rejects(use({ profile: 'prod', noMfa: true, via: 'code' }), UsageError);
  });

  t.test('--via on a base profile is a usage error', async (t) => {
    const { use } = setup(t);
    await t.rejects(use({ profile: 'alice', via: 'code' }), UsageError);
  });
});

t.test('chained roles', async (t) => {
  t.test('start the source role first, then the role', async (t) => {
    const { home, aws, prompter, use } = setup(t);
    const activation = await use({ profile: 'outer', code: '314159' });

    const [inner, outer] = aws.assumeCalls();
    t.equal(aws.assumeCalls().length, 2);
    t.equal(inner?.input.roleArn, roleArn('inner'));
    t.equal(inner?.input.serialNumber, ALICE_DEVICE);
    t.equal(inner?.input.tokenCode, '314159');
    t.equal(inner?.input.roleSessionName, 'inner-rolesession');
    t.same(inner?.credentials, ALICE_KEYS);
    t.equal(outer?.input.roleArn, roleArn('outer'));
    t.equal(outer?.input.roleSessionName, 'outer-rolesession');
    t.equal(outer?.input.serialNumber, undefined, 'the chained call carries no code');
    t.equal(outer?.credentials.secretAccessKey, 'mockSecret-inner-1', 'signed with the inner session');
    t.same(prompter.questions, []);

    const credentials = home.read('credentials');
    t.match(credentials, '[inner-rolesession]');
    t.match(credentials, '[outer-rolesession]');
    t.equal(activation.output, 'text', 'output from the role itself');
    t.equal(activation.region, 'eu-west-1', 'region from the end of the chain');
    t.match(activation.messages?.join('\n'), /started inner-rolesession[^\n]*\n[^\n]*started outer-rolesession/);
  });

  t.test('reuse a live source role session', async (t) => {
    const { aws, use } = setup(t, { credentials: CREDENTIALS + liveSession('inner-rolesession', 3000) });
    await use({ profile: 'outer' });
    t.equal(aws.assumeCalls().length, 1);
    t.equal(aws.assumeCalls()[0]?.credentials.secretAccessKey, 'mockSecret-inner-rolesession');
  });

  t.test('cap a longer duration at 3600 s with a notice', async (t) => {
    const { aws, notices, use } = setup(t, { credentials: CREDENTIALS + liveSession('inner-rolesession', 3000) });
    const activation = await use({ profile: 'outer', duration: 7200 });

    t.equal(aws.assumeCalls()[0]?.input.durationSeconds, 3600);
    t.equal(activation.session?.expiry, NOW + 3600);
    t.equal(notices.length, 1);
    t.match(notices[0], '3600 s');
    t.match(notices[0], '7200 s');
    t.match(notices[0], 'chaining');
  });

  t.test('print no cap notice when the AWS client cannot start', async (t) => {
    const notices: string[] = [];
    const home = createHome({ config: CONFIG, credentials: CREDENTIALS + liveSession('inner-rolesession', 3000) });
    t.teardown(home.remove);
    const failing = () => {
      throw new Error('mock: no AWS client in this run');
    };
    const run = runUse(
      { profile: 'outer', duration: 7200, noMfa: false, persist: true, exportSecrets: false },
      { env: {}, paths: { config: home.config, credentials: home.credentials }, settings: {}, now: () => NOW_MS, createApi: failing, prompter: new FakePrompter(), notify: (line) => notices.push(line) },
    );
    await t.rejects(run, /no AWS client/);
    t.same(notices, [], 'the notice waits for the AWS client');
  });

  t.test('cap a chained --via role session', async (t) => {
    const { aws, notices, use } = setup(t, { credentials: CREDENTIALS + liveSession('ops-rolesession', 3000) });
    await use({ profile: 'prod', via: 'ops-rolesession', duration: 5000 });
    t.equal(aws.assumeCalls()[0]?.input.durationSeconds, 3600);
    t.equal(notices.length, 1);
  });

  t.test('send the code of a role that names its own device', async (t) => {
    const { aws, prompter, use } = setup(t, { credentials: CREDENTIALS + liveSession('outer-rolesession', 3000), answers: ['271828'] });
    await use({ profile: 'guarded' });

    const [call] = aws.assumeCalls();
    t.equal(call?.input.serialNumber, `arn:aws:iam::${ACCOUNT}:mfa/guard`);
    t.equal(call?.input.tokenCode, '271828');
    t.equal(prompter.questions.length, 1);
  });

  t.test('start a chain three roles deep', async (t) => {
    const { aws, use } = setup(t, { answers: ['314159', '271828'] });
    await use({ profile: 'guarded' });
    t.same(aws.assumeCalls().map((call) => call.input.roleArn), [roleArn('inner'), roleArn('outer'), roleArn('guarded')]);
  });
});

t.test('durations and IAM GetRole', async (t) => {
  t.test('reject 43201 s before any prompt or request', async (t) => {
    const { home, aws, prompter, use, ...rest } = setup(t);
    const before = home.read('credentials');
    const error = (await use({ profile: 'prod', duration: 43201 }).catch((caught: unknown) => caught)) as UsageError;

    t.type(error, UsageError);
    t.match(error.message, '43200');
    t.same(prompter.questions, []);
    t.same(aws.calls, []);
    t.equal(rest.apiCreated, 0);
    t.equal(home.read('credentials'), before);
  });

  t.test('reject a length above MaxSessionDuration before the prompt', async (t) => {
    const { aws, prompter, use } = setup(t);
    aws.roles.set('prod', { arn: roleArn('prod'), maxSessionDuration: 3600, trustPolicy: MFA_REQUIRED_POLICY });
    const error = await use({ profile: 'prod', duration: 7200 }).catch((caught: unknown) => caught);

    t.type(error, RoleDurationTooLongError);
    t.same(prompter.questions, []);
    t.same(aws.assumeCalls(), []);
    t.same(aws.calls[0]?.credentials, ALICE_KEYS, 'GetRole signed with the source keys');
    t.equal(aws.calls[0]?.input, 'prod', 'GetRole takes the role name');
  });

  t.test('accept a length within MaxSessionDuration', async (t) => {
    const { aws, use } = setup(t);
    aws.roles.set('prod', { arn: roleArn('prod'), maxSessionDuration: 43200 });
    await use({ profile: 'prod', duration: 43200, code: '314159' });
    t.equal(aws.assumeCalls()[0]?.input.durationSeconds, 43200);
  });

  t.test('ignore GetRole details of a role in another account', async (t) => {
    const { aws, use } = setup(t);
    aws.roles.set('prod', { arn: `arn:aws:iam::999999999999:role/prod`, maxSessionDuration: 3600 });
    await use({ profile: 'prod', duration: 7200, code: '314159' });
    t.equal(aws.assumeCalls()[0]?.input.durationSeconds, 7200);
  });

  t.test('skip GetRole in quick mode', async (t) => {
    const { aws, use } = setup(t);
    aws.roles.set('prod', { arn: roleArn('prod'), maxSessionDuration: 3600 });
    await use({ profile: 'prod', duration: 7200, code: '314159', quick: true });
    t.same(aws.calls.map((call) => call.action), ['AssumeRole']);
  });

  t.test('stop before the prompt when the endpoint is unreachable', async (t) => {
    const { aws, prompter, use } = setup(t);
    aws.getRoleError = new EndpointUnreachableError('cannot reach the endpoint');
    await t.rejects(use({ profile: 'prod' }), EndpointUnreachableError);
    t.same(prompter.questions, []);
  });

  t.test('use duration_seconds of the role', async (t) => {
    const config = CONFIG.replace('external_id = mock-external-id', 'external_id = mock-external-id\nduration_seconds = 5400');
    const { aws, use } = setup(t, { config });
    await use({ profile: 'prod', code: '314159' });
    t.equal(aws.assumeCalls()[0]?.input.durationSeconds, 5400);
  });

  t.test('use the legacy sessmax of the role', async (t) => {
    const config = CONFIG.replace('external_id = mock-external-id', 'external_id = mock-external-id\nsessmax = 1800');
    const { aws, use } = setup(t, { config });
    await use({ profile: 'prod', code: '314159' });
    t.equal(aws.assumeCalls()[0]?.input.durationSeconds, 1800);
  });
});

t.test('trust policy', async (t) => {
  t.test('a role that requires MFA gets a code from a discovered device', async (t) => {
    const { aws, prompter, use } = setup(t, { answers: ['161803'] });
    aws.roles.set('plain', { arn: roleArn('plain'), maxSessionDuration: 3600, trustPolicy: MFA_REQUIRED_POLICY });
    aws.devices = [`arn:aws:iam::${ACCOUNT}:mfa/nodevice`];
    await use({ profile: 'plain' });

    t.same(aws.calls.map((call) => call.action), ['GetRole', 'ListMFADevices', 'AssumeRole']);
    t.equal(aws.assumeCalls()[0]?.input.serialNumber, `arn:aws:iam::${ACCOUNT}:mfa/nodevice`);
    t.equal(aws.assumeCalls()[0]?.input.tokenCode, '161803');
    t.equal(prompter.questions.length, 1);
  });

  t.test('--via keys is rejected for a role that requires MFA', async (t) => {
    const { aws, use } = setup(t);
    aws.roles.set('plain', { arn: roleArn('plain'), trustPolicy: MFA_REQUIRED_POLICY });
    await t.rejects(use({ profile: 'plain', via: 'keys' }), MfaRequiredError);
    t.same(aws.assumeCalls(), []);
  });

  t.test('a blank code is rejected for a role that requires MFA', async (t) => {
    const { aws, use } = setup(t, { answers: [''] });
    aws.roles.set('prod', { arn: roleArn('prod'), trustPolicy: MFA_REQUIRED_POLICY });
    await t.rejects(use({ profile: 'prod' }), MfaRequiredError);
    t.same(aws.assumeCalls(), []);
  });

  t.test('a denied call without MFA hints at --via code', async (t) => {
    const { aws, use } = setup(t);
    aws.assumeRoleError = new AccessDeniedError('sts:AssumeRole', 'access denied for sts:AssumeRole: mock', 'ask an administrator', undefined);
    const error = (await use({ profile: 'plain' }).catch((caught: unknown) => caught)) as AccessDeniedError;
    t.type(error, AccessDeniedError);
    t.match(error.hint, 'awsmfa use plain --via code');
    t.match(error.hint, 'ask an administrator', 'keeps the original hint');
  });

  t.test('a denied call with a code keeps its hint', async (t) => {
    const { aws, use } = setup(t);
    aws.assumeRoleError = new AccessDeniedError('sts:AssumeRole', 'access denied for sts:AssumeRole: mock', 'ask an administrator', undefined);
    const error = (await use({ profile: 'prod', code: '314159' }).catch((caught: unknown) => caught)) as AccessDeniedError;
    t.equal(error.hint, 'ask an administrator');
  });

  t.test('a role with an unreadable policy and no device uses the keys', async (t) => {
    const { aws, prompter, use } = setup(t);
    await use({ profile: 'plain' });
    t.same(aws.assumeCalls()[0]?.credentials, { accessKeyId: 'AKIANODEVICEEXAMPLE1', secretAccessKey: 'mockNoDeviceSecret' });
    t.same(prompter.questions, []);
  });
});

t.test('credential_source', async (t) => {
  t.test('Environment signs with the environment keys', async (t) => {
    const env = { AWS_ACCESS_KEY_ID: 'AKIAENVIRONEXAMPLE01', AWS_SECRET_ACCESS_KEY: 'mockEnvSecret', AWS_SESSION_TOKEN: 'mockEnvToken' };
    const { aws, use } = setup(t, { env });
    const activation = await use({ profile: 'fromenv' });
    t.same(aws.assumeCalls()[0]?.credentials, { accessKeyId: 'AKIAENVIRONEXAMPLE01', secretAccessKey: 'mockEnvSecret', sessionToken: 'mockEnvToken' });
    t.equal(activation.profile, 'fromenv-rolesession');
  });

  t.test('Environment without keys is an error', async (t) => {
    const { use } = setup(t);
    await t.rejects(use({ profile: 'fromenv' }), EnvironmentCredentialsMissingError);
  });

  t.test('Ec2InstanceMetadata is rejected with a pointer to the AWS CLI', async (t) => {
    const { home, use } = setup(t);
    const error = (await use({ profile: 'onec2' }).catch((caught: unknown) => caught)) as UnsupportedRoleSourceError;
    t.type(error, UnsupportedRoleSourceError);
    t.match(error.hint, 'AWS CLI');
    t.equal(home.read('credentials'), CREDENTIALS);
  });
});

t.test('source_profile loops', async (t) => {
  for (const [profile, loop] of [
    ['selfloop', 'selfloop -> selfloop'],
    ['loop-a', 'loop-a -> loop-b -> loop-c -> loop-a'],
  ] as const) {
    t.test(`${profile} fails with the loop and writes nothing`, async (t) => {
      const { home, aws, use } = setup(t);
      const error = (await use({ profile, code: '314159' }).catch((caught: unknown) => caught)) as ProfileCycleError;
      t.type(error, ProfileCycleError);
      t.match(error.message, loop);
      t.same(aws.calls, []);
      t.equal(home.read('credentials'), CREDENTIALS);
      t.equal(home.read('config'), CONFIG);
    });
  }
});
