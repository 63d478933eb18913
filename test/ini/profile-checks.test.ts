import t from 'tap';
import { parseIni } from '../../src/ini/parse.js';
import { checkProfiles, type FileDiagnostic } from '../../src/ini/profile-checks.js';
import { describeRoleArnProblem } from '../../src/ini/role-checks.js';
import { buildProfileView } from '../../src/ini/view.js';

const KEYS = 'aws_access_key_id = AKIAIOSFODNN7EXAMPLE\naws_secret_access_key = mockSecretEXAMPLE\n';

function check(config: string, credentials = ''): FileDiagnostic[] {
  const docs = { config: parseIni(config, 'config'), credentials: parseIni(credentials, 'credentials') };
  return checkProfiles(docs, buildProfileView(docs.config, docs.credentials));
}

function codes(found: FileDiagnostic[]): string[] {
  return found.map((finding) => finding.code);
}

t.test('describeRoleArnProblem', async (t) => {
  const valid = ['arn:aws:iam::123456789012:role/Admin', 'arn:aws-cn:iam::123456789012:role/a+b=c,d.e@f_g-h', 'arn:aws-us-gov:iam::123456789012:role/path/to/Role'];
  for (const arn of valid) {
    t.equal(describeRoleArnProblem(arn), undefined, `${arn} is valid`);
  }
  const invalid: Array<[string, RegExp]> = [
    ['Admin', /does not have the form/],
    ['arn:aws:iam::123456789012:role', /does not start with role\//],
    ['arn:aws-gov:iam::123456789012:role/Admin', /partition "aws-gov"/],
    ['arn:aws:sts::123456789012:role/Admin', /service "sts"/],
    ['arn:aws:iam:us-east-1:123456789012:role/Admin', /no region/],
    ['arn:aws:iam::12345678901:role/Admin', /12 digits/],
    ['arn:aws:iam::123456789012:user/Admin', /role\//],
    ['arn:aws:iam::123456789012:role/', /role name ""/],
    ['arn:aws:iam::123456789012:role/bad name', /role name "bad name"/],
    [`arn:aws:iam::123456789012:role/${'r'.repeat(65)}`, /role name/],
  ];
  for (const [arn, reason] of invalid) {
    t.match(describeRoleArnProblem(arn), reason, `${arn.slice(0, 50)} is invalid`);
  }
});

t.test('checkProfiles role sources', async (t) => {
  const base = `[profile base]\nregion = x\n`;
  const role = (lines: string) => `[profile r]\nrole_arn = arn:aws:iam::123456789012:role/R\n${lines}`;
  const cases: Array<[string, string, string, string[]]> = [
    ['source with keys', base + role('source_profile = base\n'), `[base]\n${KEYS}`, []],
    ['credential_source', role('credential_source = Environment\n'), '', []],
    ['web identity', role('web_identity_token_file = /t\n'), '', []],
    ['self source with keys', role('source_profile = r\n'), `[r]\n${KEYS}`, []],
    ['chained roles', `${role('source_profile = mid\n')}[profile mid]\nrole_arn = arn:aws:iam::123456789012:role/M\nsource_profile = base\n${base}`, `[base]\n${KEYS}`, []],
    ['sso source', `${role('source_profile = sso\n')}[profile sso]\nsso_session = corp\n`, '', []],
    ['no source', role(''), '', ['role-without-source']],
    ['empty source', role('source_profile =\n'), '', ['role-without-source']],
    ['both sources', role('source_profile = base\ncredential_source = Environment\n') + base, `[base]\n${KEYS}`, ['role-source-conflict']],
    ['missing source', role('source_profile = gone\n'), '', ['role-source-missing']],
    ['source without credentials', base + role('source_profile = base\n'), '', ['role-source-without-credentials']],
    ['self source without keys', role('source_profile = r\n'), '', ['role-source-without-credentials']],
    ['cycle', `${role('source_profile = a\n')}[profile a]\nrole_arn = arn:aws:iam::123456789012:role/A\nsource_profile = r\n`, '', ['role-source-cycle', 'role-source-cycle']],
  ];
  for (const [name, config, credentials, expected] of cases) {
    t.same(codes(check(config, credentials)), expected, name);
  }
});

t.test('checkProfiles messages', async (t) => {
  const cycle = check('[profile a]\nrole_arn = arn:aws:iam::123456789012:role/A\nsource_profile = b\n[profile b]\nrole_arn = arn:aws:iam::123456789012:role/B\nsource_profile = c\n[profile c]\nrole_arn = arn:aws:iam::123456789012:role/C\nsource_profile = a\n');
  t.match(cycle[0]?.message, 'a -> b -> c -> a', 'a cycle names every profile in the loop');
  t.equal(cycle[0]?.line, 3, 'on the source_profile line');

  const missing = check('[profile a]\nrole_arn = arn:aws:iam::123456789012:role/A\nsource_profile = b\n[profile b]\nrole_arn = arn:aws:iam::123456789012:role/B\nsource_profile = nowhere\n');
  t.match(missing[0]?.message, "'nowhere' (via b)", 'a missing source names the profile and the chain');
  t.match(missing[0]?.hint, '[nowhere]', 'and says which section to add');

  const arn = check('[profile a]\nregion = x\nrole_arn = arn:aws:iam::1:role/A\ncredential_source = Environment\n');
  t.equal(arn[0]?.code, 'role-arn-invalid', 'a bad role ARN is reported');
  t.equal(arn[0]?.line, 3, 'on the role_arn line');
  t.equal(arn[0]?.file, 'config', 'in the config file');
});

t.test('checkProfiles keys and sessions', async (t) => {
  const partial = check('', '[a]\naws_access_key_id = AKIA\n');
  t.same(codes(partial), ['partial-keys'], 'a key id without a secret');
  t.equal(partial[0]?.file, 'credentials', 'is reported in the credentials file');

  const session = check('', `[dev-mfasession]\n${KEYS}`);
  t.same(codes(session), ['session-without-expiry'], 'a session without expiry');
  t.equal(session[0]?.line, 1, 'on its header');
  t.match(session[0]?.hint, 'awsmfa use dev', 'with the command to renew it');

  t.same(codes(check('', `[dev-mfasession]\n${KEYS}aws_session_expiry = 1700000000\n`)), [], 'a session with expiry is fine');
  t.same(codes(check('', `[dev-rolesession]\n${KEYS}x_security_token_expires = 2030-01-01T00:00:00Z\n`)), [], 'an ISO expiry is fine');
  t.same(codes(check('', `[dev-mfasession]\n${KEYS}aws_session_expiry = soon\n`)), ['session-without-expiry'], 'an unreadable expiry is reported');
  t.same(codes(check('', '[-mfasession]\n' + KEYS)), [], 'the bare suffix is not a session');
});
