import t from 'tap';
import { maskKeyId, redact, registerCode, registerSecret } from '../src/log.js';

t.test('redact', async (t) => {
  registerSecret('mockRegisteredSecret');
  t.equal(redact('key mockRegisteredSecret end'), 'key [redacted] end', 'hides a registered secret');
  t.equal(redact('AKIAIOSFODNN7EXAMPLE'), 'AKIA…MPLE', 'masks an access key id to its last four characters');
  t.equal(redact('ASIAIOSFODNN7EXAMPLE'), 'ASIA…MPLE', 'masks a temporary access key id');
  t.equal(redact(`token ${'A'.repeat(30)}/${'b'.repeat(30)}=`), 'token [redacted]', 'hides a long base64 run');
  t.equal(redact('plain words stay'), 'plain words stay', 'keeps ordinary text');
});

t.test('registerSecret', async (t) => {
  registerSecret('123');
  t.equal(redact('code 123'), 'code 123', 'ignores values shorter than four characters');
});

t.test('registerCode', async (t) => {
  registerCode('123456');
  t.equal(redact('code 123456 sent'), 'code [redacted] sent', 'hides the code as a number of its own');
  t.equal(redact('arn:aws:iam::123456789012:mfa/a'), 'arn:aws:iam::123456789012:mfa/a', 'leaves a longer number alone');
});

t.test('redact long names', async (t) => {
  const name = 'a-very-long-role-session-name-that-is-not-a-secret-at-all-x';
  t.equal(redact(name), name, 'keeps a long lower-case name');
});

t.test('maskKeyId', async (t) => {
  t.equal(maskKeyId('AKIAIOSFODNN7EXAMPLE'), '…MPLE');
  t.equal(maskKeyId('abc'), '…');
});
