import t from 'tap';
import { maskKeyId, redact, registerSecret } from '../src/log.js';

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
  registerSecret('654321');
  t.equal(redact('code 654321'), 'code [redacted]', 'hides a six-digit code');
});

t.test('maskKeyId', async (t) => {
  t.equal(maskKeyId('AKIAIOSFODNN7EXAMPLE'), '…MPLE');
  t.equal(maskKeyId('abc'), '…');
});
