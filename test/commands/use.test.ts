import t, { type Test } from 'tap';
import { runUse, type UseInput } from '../../src/commands/use.js';
import { InvalidTokenCodeError } from '../../src/aws/errors.js';
import type { AwsApi, GetSessionTokenInput, SessionCredentials, StaticCredentials } from '../../src/aws/types.js';
import { UsageError } from '../../src/errors.js';
import type { Prompter } from '../../src/prompt.js';
import { MfaSerialMissingError } from '../../src/session/mfa-device.js';
import { createHome, type TestHome } from '../helpers/home.js';

const NOW_MS = Date.UTC(2030, 0, 1);
const NOW = NOW_MS / 1000;
const DEVICE = 'arn:aws:iam::123456789012:mfa/dev';
const CONFIG = `[profile dev]\nregion = eu-west-1\nmfa_serial = ${DEVICE}\n[profile nodevice]\nregion = us-east-2\n`;
const CREDENTIALS = [
  '[dev]',
  'aws_access_key_id = AKIADEVEXAMPLE000001',
  'aws_secret_access_key = mockDevSecretEXAMPLE',
  '[nodevice]',
  'aws_access_key_id = AKIANODEVICEEXAMPLE1',
  'aws_secret_access_key = mockNoDeviceSecret',
  '',
].join('\n');

interface FakeCalls {
  getSessionToken: GetSessionTokenInput[];
  listMfaDevices: number;
}

function createFakeApi(calls: FakeCalls, options: { rejectCodes?: string[]; devices?: string[] } = {}): AwsApi {
  const session: SessionCredentials = {
    accessKeyId: 'ASIAFAKESESSION00001',
    secretAccessKey: 'mockSessionSecret',
    sessionToken: 'mockSessionToken',
    expiration: new Date(NOW_MS + 9 * 3600 * 1000),
  };
  const unused = async (): Promise<never> => {
    throw new Error('not expected in this test');
  };
  return {
    getSessionToken: async (_credentials: StaticCredentials, input: GetSessionTokenInput) => {
      calls.getSessionToken.push(input);
      if (options.rejectCodes?.includes(input.tokenCode ?? '')) {
        throw new InvalidTokenCodeError('the MFA code was rejected by AWS');
      }
      return session;
    },
    listMfaDevices: async () => {
      calls.listMfaDevices += 1;
      return (options.devices ?? []).map((serialNumber) => ({ serialNumber }));
    },
    assumeRole: unused,
    getCallerIdentity: unused,
    getRole: unused,
  };
}

function createPrompter(answers: string[], prompts: string[] = []): Prompter {
  return {
    askSecret: async (message) => {
      prompts.push(message);
      return answers.shift() ?? '';
    },
    choose: async (_message, choices) => choices[choices.length - 1]?.name ?? '',
  };
}

function setup(t: Test, files = { config: CONFIG, credentials: CREDENTIALS }) {
  const home: TestHome = createHome(files);
  t.teardown(home.remove);
  const calls: FakeCalls = { getSessionToken: [], listMfaDevices: 0 };
  return { home, calls };
}

function input(profile: string, extra: Partial<UseInput> = {}): UseInput {
  return { profile, noMfa: false, persist: true, exportSecrets: false, ...extra };
}

function deps(home: TestHome, api: AwsApi, prompter: Prompter) {
  return { env: { HOME: home.home }, paths: { config: home.config, credentials: home.credentials }, settings: {}, now: () => NOW_MS, createApi: () => api, prompter, notify: () => {} };
}

t.test('runUse with a code flag', async (t) => {
  const { home, calls } = setup(t);
  const activation = await runUse(input('dev', { code: '123456' }), deps(home, createFakeApi(calls), createPrompter([])));

  t.equal(activation.profile, 'dev-mfasession', 'selects the new session');
  t.equal(activation.credentials, undefined, 'selects by reference');
  t.same(calls.getSessionToken, [{ serialNumber: DEVICE, tokenCode: '123456', durationSeconds: 32400 }], 'sends device, code and default length');
  t.match(home.read('credentials'), /\[dev-mfasession\]\naws_access_key_id = ASIAFAKESESSION00001\n/, 'stores the session');
  t.match(home.read('credentials'), `aws_session_expiry = ${NOW + 9 * 3600}`, 'stores the expiry STS returned');
});

t.test('runUse retries a rejected prompted code', async (t) => {
  const { home, calls } = setup(t);
  const prompts: string[] = [];
  const prompter = createPrompter(['111111', '111111', '222222'], prompts);
  const activation = await runUse(input('dev'), deps(home, createFakeApi(calls, { rejectCodes: ['111111'] }), prompter));

  t.equal(activation.profile, 'dev-mfasession');
  t.same(calls.getSessionToken.map((call) => call.tokenCode), ['111111', '222222'], 'never sends a rejected code twice');
  t.match(prompts[1], /a code works only once/, 'the second prompt explains the rejection');
});

t.test('runUse gives up after three rejected codes', async (t) => {
  const { home, calls } = setup(t);
  const before = home.read('credentials');
  const prompter = createPrompter(['111111', '222222', '333333']);

  await t.rejects(runUse(input('dev'), deps(home, createFakeApi(calls, { rejectCodes: ['111111', '222222', '333333'] }), prompter)), InvalidTokenCodeError);
  t.equal(calls.getSessionToken.length, 3, 'asks three times');
  t.equal(home.read('credentials'), before, 'writes nothing');
});

t.test('runUse fails at once on a rejected --code', async (t) => {
  const { home, calls } = setup(t);
  await t.rejects(runUse(input('dev', { code: '111111' }), deps(home, createFakeApi(calls, { rejectCodes: ['111111'] }), createPrompter([]))), InvalidTokenCodeError);
  t.equal(calls.getSessionToken.length, 1);
});

t.test('runUse with a blank code', async (t) => {
  const { home, calls } = setup(t);
  const before = home.read('credentials');
  const activation = await runUse(input('dev'), deps(home, createFakeApi(calls), createPrompter([''])));

  t.equal(activation.profile, 'dev', 'selects the base profile');
  t.equal(calls.getSessionToken.length, 0, 'calls no STS');
  t.equal(home.read('credentials'), before, 'writes nothing');
});

t.test('runUse reuses a live session', async (t) => {
  const { home, calls } = setup(t);
  await runUse(input('dev', { code: '123456' }), deps(home, createFakeApi(calls), createPrompter([])));
  const failingApi = () => {
    throw new Error('no AWS call expected');
  };
  const activation = await runUse(input('dev'), { ...deps(home, createFakeApi(calls), createPrompter([])), createApi: failingApi });

  t.equal(activation.profile, 'dev-mfasession');
  t.equal(activation.session?.expiry, NOW + 9 * 3600);
});

t.test('runUse --no-persist exports keys of a live session', async (t) => {
  const { home, calls } = setup(t);
  await runUse(input('dev', { code: '123456' }), deps(home, createFakeApi(calls), createPrompter([])));
  const activation = await runUse(input('dev', { persist: false }), deps(home, createFakeApi(calls), createPrompter([])));

  t.equal(activation.credentials?.accessKeyId, 'ASIAFAKESESSION00001', 'exports the stored keys');
  t.equal(calls.getSessionToken.length, 1, 'starts no second session');
});

t.test('runUse discovers and remembers a device', async (t) => {
  const { home, calls } = setup(t);
  const devices = ['arn:aws:iam::123456789012:u2f/user/nodevice/key', 'arn:aws:iam::123456789012:mfa/phone', 'arn:aws:iam::123456789012:mfa/tablet'];
  await runUse(input('nodevice', { code: '123456' }), deps(home, createFakeApi(calls, { devices }), createPrompter([])));

  t.equal(calls.getSessionToken[0]?.serialNumber, 'arn:aws:iam::123456789012:mfa/tablet', 'uses the chosen device');
  t.match(home.read('config'), /\[profile nodevice\]\nregion = us-east-2\nmfa_serial = arn:aws:iam::123456789012:mfa\/tablet\n/, 'stores the choice as mfa_serial');
});

t.test('runUse with only a security key', async (t) => {
  const { home, calls } = setup(t);
  const devices = ['arn:aws:iam::123456789012:u2f/user/nodevice/key'];
  await t.rejects(runUse(input('nodevice', { code: '123456' }), deps(home, createFakeApi(calls, { devices }), createPrompter([]))), MfaSerialMissingError);
});

t.test('runUse checks the duration before any request', async (t) => {
  const { home, calls } = setup(t);
  await t.rejects(runUse(input('dev', { duration: 899 }), deps(home, createFakeApi(calls), createPrompter([]))), UsageError);
  await t.rejects(runUse(input('dev', { duration: 129601 }), deps(home, createFakeApi(calls), createPrompter([]))), UsageError);
  t.equal(calls.getSessionToken.length, 0);
});

t.test('runUse with legacy session length keys', async (t) => {
  const { home, calls } = setup(t, { config: CONFIG.replace('[profile dev]\n', '[profile dev]\nsessmax = 7200\n'), credentials: CREDENTIALS });
  await runUse(input('dev', { code: '123456' }), deps(home, createFakeApi(calls), createPrompter([])));
  t.equal(calls.getSessionToken[0]?.durationSeconds, 7200, 'sessmax sets the length');
});

t.test('runUse with mfa_process', async (t) => {
  const { home, calls } = setup(t, { config: CONFIG.replace('[profile dev]\n', '[profile dev]\nmfa_process = printf 654321\n'), credentials: CREDENTIALS });
  await runUse(input('dev'), deps(home, createFakeApi(calls), createPrompter([])));
  t.equal(calls.getSessionToken[0]?.tokenCode, '654321', 'reads the code from the command');
});
