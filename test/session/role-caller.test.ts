import t from 'tap';
import { ProfileNotFoundError, UsageError } from '../../src/errors.js';
import { parseIni } from '../../src/ini/parse.js';
import { buildProfileView } from '../../src/ini/view.js';
import { resolveRoleChain } from '../../src/profiles/chain.js';
import { applyMfaRequirement, isChainedPlan, MfaRequiredError, parseVia, planCaller, SessionNotLiveError, type CallerPlan } from '../../src/session/role-caller.js';

const NOW = 2_000_000_000;
const ARN = 'arn:aws:iam::123456789012:role';
const KEYS = 'aws_access_key_id = AKIAMOCKEXAMPLE00001\naws_secret_access_key = mockSecretEXAMPLE';
const CONFIG = [
  '[profile plain]',
  `role_arn = ${ARN}/plain`,
  'source_profile = nodevice',
  '[profile withdevice]',
  `role_arn = ${ARN}/withdevice`,
  'source_profile = alice',
  '[profile roledevice]',
  `role_arn = ${ARN}/roledevice`,
  'source_profile = nodevice',
  'mfa_serial = arn:aws:iam::123456789012:mfa/role-device',
  '[profile legacy]',
  `role_arn = ${ARN}/legacy`,
  'source_profile = olduser',
  '[profile chained]',
  `role_arn = ${ARN}/chained`,
  'source_profile = withdevice',
  '[profile fromenv]',
  `role_arn = ${ARN}/fromenv`,
  'credential_source = Environment',
  '[profile fromsession]',
  `role_arn = ${ARN}/fromsession`,
  'source_profile = alice-mfasession',
  '[profile alice]',
  'mfa_serial = arn:aws:iam::123456789012:mfa/alice',
  '[profile olduser]',
  'mfa_arn = arn:aws:iam::123456789012:mfa/olduser',
].join('\n');

function session(name: string, expiry: number): string {
  return `[${name}]\n${KEYS}\naws_session_token = mockToken\naws_session_expiry = ${expiry}\n`;
}

function build(sessions = '') {
  const credentials = `[alice]\n${KEYS}\n[nodevice]\n${KEYS}\n[olduser]\n${KEYS}\n${sessions}`;
  return buildProfileView(parseIni(CONFIG, 'config'), parseIni(credentials, 'credentials'));
}

function plan(view: ReturnType<typeof build>, role: string, via?: string): CallerPlan {
  return planCaller(view, resolveRoleChain(view, role), parseVia(via), NOW);
}

t.test(parseVia.name, async (t) => {
  t.equal(parseVia(undefined), undefined);
  t.same(parseVia('code'), { keyword: 'code' });
  t.same(parseVia('new-session'), { keyword: 'new-session' });
  t.same(parseVia('alice-mfasession'), { session: 'alice-mfasession' });
  t.throws(() => parseVia(''), UsageError);
});

t.test(planCaller.name, async (t) => {
  t.test('picks the live MFA session of the source', async (t) => {
    const result = plan(build(session('alice-mfasession', NOW + 3600)), 'withdevice');
    t.equal(result.kind, 'session');
    t.equal(result.kind === 'session' && result.session.name, 'alice-mfasession');
    t.notOk(isChainedPlan(result), 'not chained');
  });

  t.test('ignores an MFA session with less than 300 s left', async (t) => {
    t.equal(plan(build(session('alice-mfasession', NOW + 299)), 'withdevice').kind, 'code');
  });

  t.test('picks a one-off code when the source names a device', async (t) => {
    t.equal(plan(build(), 'withdevice').kind, 'code');
  });

  t.test('picks a one-off code when the role names a device', async (t) => {
    t.equal(plan(build(), 'roledevice').kind, 'code');
  });

  t.test('picks a one-off code for a legacy mfa_arn', async (t) => {
    t.equal(plan(build(), 'legacy').kind, 'code');
  });

  t.test('picks the source keys without any device', async (t) => {
    const result = plan(build(), 'plain');
    t.equal(result.kind, 'keys');
    t.equal(result.kind === 'keys' && result.explicit, false);
  });

  t.test('follows --via keywords', async (t) => {
    const view = build(session('alice-mfasession', NOW + 3600));
    for (const keyword of ['code', 'new-session', 'keys'] as const) {
      const result = plan(view, 'withdevice', keyword);
      t.equal(result.kind, keyword, `--via ${keyword}`);
      t.equal('explicit' in result && result.explicit, true, `--via ${keyword} is explicit`);
    }
    t.equal(plan(view, 'withdevice', 'session').kind, 'session');
  });

  t.test('throws SessionNotLiveError for --via session without a live session', async (t) => {
    const error = t.throws(() => plan(build(session('alice-mfasession', NOW - 10)), 'withdevice', 'session')) as SessionNotLiveError;
    t.type(error, SessionNotLiveError);
    t.equal(error.profile, 'alice-mfasession');
    t.match(error.hint, 'awsmfa use alice');
  });

  t.test('uses a live session named by --via', async (t) => {
    const view = build(session('other-rolesession', NOW + 3600));
    const result = plan(view, 'plain', 'other-rolesession');
    t.equal(result.kind === 'session' && result.session.name, 'other-rolesession');
    t.ok(isChainedPlan(result), 'a role session caller is chaining');
  });

  t.test('throws for --via naming an expired, missing or non-session profile', async (t) => {
    t.throws(() => plan(build(session('other-rolesession', NOW - 1)), 'plain', 'other-rolesession'), SessionNotLiveError);
    t.throws(() => plan(build(), 'plain', 'nobody-mfasession'), ProfileNotFoundError);
    const error = t.throws(() => plan(build(), 'plain', 'alice')) as UsageError;
    t.type(error, UsageError);
    t.match(error.message, "got 'alice'");
  });

  t.test('uses the live session of a source role', async (t) => {
    const result = plan(build(session('withdevice-rolesession', NOW + 3600)), 'chained');
    t.equal(result.kind === 'session' && result.session.name, 'withdevice-rolesession');
    t.ok(isChainedPlan(result));
  });

  t.test('starts the source role when its session is not live', async (t) => {
    const result = plan(build(), 'chained');
    t.equal(result.kind, 'source-role');
    t.same(result.kind === 'source-role' && result.chain.roles.map((role) => role.name), ['withdevice']);
    t.ok(isChainedPlan(result));
  });

  t.test('uses a stored session named as source_profile', async (t) => {
    t.equal(plan(build(session('alice-mfasession', NOW + 3600)), 'fromsession').kind, 'session');
    t.throws(() => plan(build(session('alice-mfasession', NOW - 1)), 'fromsession'), SessionNotLiveError);
  });

  t.test('uses environment keys for credential_source = Environment', async (t) => {
    const result = plan(build(), 'fromenv');
    t.equal(result.kind, 'keys');
    t.equal(result.kind === 'keys' && result.root.kind, 'environment');
    t.throws(() => plan(build(), 'fromenv', 'new-session'), UsageError);
    t.throws(() => plan(build(), 'fromenv', 'session'), UsageError);
    t.equal(plan(build(), 'fromenv', 'code').kind, 'code');
  });
});

t.test(applyMfaRequirement.name, async (t) => {
  const view = build();

  t.test('switches default keys to a code when MFA is required', async (t) => {
    t.equal(applyMfaRequirement(plan(view, 'plain'), 'required', 'plain').kind, 'code');
  });

  t.test('keeps keys when MFA is not required or unknown', async (t) => {
    t.equal(applyMfaRequirement(plan(view, 'plain'), 'not-required', 'plain').kind, 'keys');
    t.equal(applyMfaRequirement(plan(view, 'plain'), 'unknown', 'plain').kind, 'keys');
  });

  t.test('throws MfaRequiredError for --via keys when MFA is required', async (t) => {
    const error = t.throws(() => applyMfaRequirement(plan(view, 'plain', 'keys'), 'required', 'plain')) as MfaRequiredError;
    t.type(error, MfaRequiredError);
    t.equal(error.profile, 'plain');
    t.match(error.hint, '--via code');
  });
});
