import t from 'tap';
import { buildPolicy, parsePolicyMode } from '../../src/commands/policy.js';
import { UsageError } from '../../src/errors.js';

interface Statement {
  Sid: string;
  Effect: string;
  Action?: string[];
  NotAction?: string[];
  Condition?: Record<string, Record<string, string>>;
}

function statements(mode: 'enforce' | 'allow' | 'open'): Statement[] {
  return (buildPolicy(mode) as { Statement: Statement[] }).Statement;
}

t.test('buildPolicy enforce', async (t) => {
  const deny = statements('enforce').find((statement) => statement.Effect === 'Deny');
  t.ok(deny, 'has a deny statement');
  t.same(deny?.Condition, { BoolIfExists: { 'aws:MultiFactorAuthPresent': 'false' } }, 'denies only without MFA');
  t.ok(deny?.NotAction?.includes('sts:GetSessionToken'), 'lets users start an MFA session');
  t.ok(deny?.NotAction?.includes('iam:EnableMFADevice'), 'lets users enable their device');
  t.notOk(deny?.NotAction?.includes('iam:DeactivateMFADevice'), 'keeps deactivation behind MFA');
});

t.test('buildPolicy allow', async (t) => {
  const grant = statements('allow').find((statement) => statement.Sid === 'AllowEverythingWithMfa');
  t.same(grant?.Condition, { Bool: { 'aws:MultiFactorAuthPresent': 'true' } }, 'grants everything with MFA only');
  t.notOk(statements('allow').some((statement) => statement.Effect === 'Deny'), 'has no deny statement');
});

t.test('buildPolicy open', async (t) => {
  t.notOk(statements('open').some((statement) => statement.Effect === 'Deny'), 'has no deny statement');
  t.notOk(statements('open').some((statement) => statement.Action?.includes('*')), 'grants no wildcard');
});

t.test('parsePolicyMode', async (t) => {
  t.equal(parsePolicyMode(undefined), 'enforce', 'defaults to enforce');
  t.throws(() => parsePolicyMode('strict'), UsageError, 'rejects an unknown mode');
});
