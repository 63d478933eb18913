import t from 'tap';
import { describeMfaRequirement, readMfaRequirement } from '../../src/profiles/trust-policy.js';

const PRINCIPAL = { AWS: 'arn:aws:iam::123456789012:root' };

function policy(...statements: object[]): string {
  return JSON.stringify({ Version: '2012-10-17', Statement: statements });
}

t.test(readMfaRequirement.name, async (t) => {
  t.test('finds aws:MultiFactorAuthPresent in a URL-encoded document', async (t) => {
    const document = encodeURIComponent(policy({ Effect: 'Allow', Principal: PRINCIPAL, Action: 'sts:AssumeRole', Condition: { Bool: { 'aws:MultiFactorAuthPresent': 'true' } } }));
    t.equal(readMfaRequirement(document), 'required');
  });

  t.test('finds aws:MultiFactorAuthAge in plain JSON', async (t) => {
    const document = policy({ Effect: 'Allow', Principal: PRINCIPAL, Action: 'sts:AssumeRole', Condition: { NumericLessThan: { 'aws:MultiFactorAuthAge': '3600' } } });
    t.equal(readMfaRequirement(document), 'required');
  });

  t.test('compares condition keys without case', async (t) => {
    const document = policy({ Effect: 'Deny', Principal: PRINCIPAL, Action: 'sts:AssumeRole', Condition: { BoolIfExists: { 'AWS:multifactorauthpresent': 'false' } } });
    t.equal(readMfaRequirement(document), 'required');
  });

  t.test('accepts a single statement object', async (t) => {
    const document = JSON.stringify({ Statement: { Effect: 'Allow', Principal: PRINCIPAL, Action: 'sts:AssumeRole', Condition: { Bool: { 'aws:MultiFactorAuthPresent': 'true' } } } });
    t.equal(readMfaRequirement(document), 'required');
  });

  t.test('reports not-required without MFA conditions', async (t) => {
    const document = encodeURIComponent(
      policy(
        { Effect: 'Allow', Principal: PRINCIPAL, Action: 'sts:AssumeRole', Condition: { StringEquals: { 'sts:ExternalId': 'mock-external-id' } } },
        { Effect: 'Allow', Principal: { Service: 'ec2.amazonaws.com' }, Action: 'sts:AssumeRole' },
      ),
    );
    t.equal(readMfaRequirement(document), 'not-required');
  });

  t.test('reports unknown for a missing or unreadable document', async (t) => {
    t.equal(readMfaRequirement(undefined), 'unknown');
    t.equal(readMfaRequirement(''), 'unknown');
    t.equal(readMfaRequirement('%E0%A4%A'), 'unknown', 'broken URL encoding');
    t.equal(readMfaRequirement('{"Version": "2012-10-17"'), 'unknown', 'broken JSON');
    t.equal(readMfaRequirement('{"Version": "2012-10-17"}'), 'unknown', 'no Statement');
  });
});

t.test(describeMfaRequirement.name, async (t) => {
  t.equal(describeMfaRequirement('required'), 'requires MFA');
  t.equal(describeMfaRequirement('not-required'), 'does not require MFA');
  t.equal(describeMfaRequirement('unknown'), 'may need MFA');
});
