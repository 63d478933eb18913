import t from 'tap';
import { isEditBlocking } from '../../src/ini/diagnostics.js';
import { findEditBlockers, lintDocument } from '../../src/ini/lint.js';
import { parseIni, type FileKind } from '../../src/ini/parse.js';

interface LintCase {
  name: string;
  kind: FileKind;
  text: string;
  code: string;
  line: number;
  severity: 'error' | 'warning';
  blocking: boolean;
  fix: RegExp;
}

const CASES: LintCase[] = [
  { name: 'byte order mark', kind: 'config', text: '\uFEFF[default]\nregion = x\n', code: 'bom', line: 1, severity: 'error', blocking: true, fix: /without a byte order mark/ },
  { name: 'repeated section', kind: 'credentials', text: '[a]\nk = 1\n\n[a]\nj = 2\n', code: 'duplicate-section', line: 4, severity: 'error', blocking: true, fix: /merge/ },
  { name: 'repeated section with other spacing', kind: 'config', text: '[profile a]\n[profile   a]\n', code: 'duplicate-section', line: 2, severity: 'error', blocking: true, fix: /merge/ },
  { name: 'repeated key', kind: 'config', text: '[default]\nregion = a\nREGION = b\n', code: 'duplicate-key', line: 3, severity: 'error', blocking: true, fix: /keep one/ },
  { name: 'profile prefix in credentials', kind: 'credentials', text: '[default]\nk = v\n[profile x]\nk = v\n', code: 'profile-prefix-in-credentials', line: 3, severity: 'error', blocking: false, fix: /rename the header to \[x\]/ },
  { name: 'config-only key in credentials', kind: 'credentials', text: '[dev]\naws_access_key_id = AKIA\nmfa_serial = arn\n', code: 'config-only-key', line: 3, severity: 'warning', blocking: false, fix: /\[profile dev\] in the config file/ },
  { name: 'region in credentials default', kind: 'credentials', text: '[default]\nregion = x\n', code: 'config-only-key', line: 2, severity: 'warning', blocking: false, fix: /\[default\] in the config file/ },
  { name: 'property before any section', kind: 'config', text: '# top\nregion = x\n[default]\n', code: 'property-outside-section', line: 2, severity: 'error', blocking: true, fix: /move it under/ },
  { name: '[profile default] and [default]', kind: 'config', text: '[default]\na = 1\n[profile default]\nb = 2\n', code: 'default-conflict', line: 1, severity: 'error', blocking: false, fix: /merge/ },
  { name: 'indented section header', kind: 'config', text: '[default]\nregion = x\n  [profile dev]\n', code: 'indented-section-header', line: 3, severity: 'error', blocking: true, fix: /leading whitespace/ },
  { name: 'indented property', kind: 'config', text: '[default]\nregion = x\n  output = json\n', code: 'indented-continuation', line: 3, severity: 'warning', blocking: false, fix: /leading whitespace/ },
  { name: 'indented first property', kind: 'config', text: '[default]\n  region = x\n', code: 'orphan-continuation', line: 2, severity: 'error', blocking: true, fix: /leading whitespace/ },
  { name: 'indented line before any section', kind: 'credentials', text: '  [default]\n', code: 'orphan-continuation', line: 1, severity: 'error', blocking: true, fix: /leading whitespace/ },
  { name: 'comment after a value', kind: 'config', text: '[default]\nregion = x # near\n', code: 'inline-comment', line: 2, severity: 'warning', blocking: false, fix: /own/ },
  { name: 'key with a colon', kind: 'config', text: '[default]\nkey:part = x\n', code: 'ambiguous-key', line: 2, severity: 'error', blocking: true, fix: /remove the ':'/ },
  { name: 'colon separator', kind: 'credentials', text: '[a]\naws_access_key_id: x\n', code: 'missing-equals', line: 2, severity: 'error', blocking: true, fix: /key = value/ },
  { name: 'unclosed header', kind: 'config', text: '[default]\n[profile x\n', code: 'unclosed-section', line: 2, severity: 'error', blocking: true, fix: /close the header/ },
  { name: 'unprefixed profile in config', kind: 'config', text: '[dev]\nregion = x\n', code: 'ignored-section', line: 1, severity: 'warning', blocking: false, fix: /\[profile dev\]/ },
  { name: 'invalid profile name', kind: 'config', text: '[profile my dev]\n', code: 'ignored-section', line: 1, severity: 'warning', blocking: false, fix: /letters, digits/ },
  { name: 'sso-session in credentials', kind: 'credentials', text: '[sso-session corp]\nsso_region = x\n', code: 'ignored-section', line: 1, severity: 'warning', blocking: false, fix: /config file/ },
  { name: 'invalid key', kind: 'config', text: '[default]\nmy key = x\n', code: 'ignored-key', line: 2, severity: 'warning', blocking: false, fix: /letters, digits/ },
  { name: 'stray carriage return', kind: 'config', text: '[default]\na = 1\rb = 2\n', code: 'stray-carriage-return', line: 2, severity: 'error', blocking: true, fix: /dos2unix/ },
  { name: 'NUL byte', kind: 'config', text: '[default]\na = \0\n', code: 'nul-byte', line: 2, severity: 'error', blocking: true, fix: /remove the NUL/ },
];

for (const testCase of CASES) {
  t.test(`lintDocument: ${testCase.name}`, async (t) => {
    const found = lintDocument(parseIni(testCase.text, testCase.kind)).filter((d) => d.code === testCase.code);
    t.equal(found.length, 1, `one ${testCase.code} diagnostic`);
    const diagnostic = found[0];
    t.equal(diagnostic?.line, testCase.line, 'on the right line');
    t.equal(diagnostic?.severity, testCase.severity, `severity ${testCase.severity}`);
    t.match(diagnostic?.hint, testCase.fix, 'with a fix');
    t.equal(diagnostic === undefined ? undefined : isEditBlocking(diagnostic), testCase.blocking, testCase.blocking ? 'blocks edits' : 'does not block edits');
  });
}

t.test('lintDocument of clean files', async (t) => {
  const config = '[default]\nregion = us-east-1\n\n[profile dev]\nsource_profile = default\ns3 =\n  addressing_style = path\n\n[sso-session corp]\nsso_region = x\n[services s]\ns3 =\n  endpoint_url = http://127.0.0.1\n[preview]\ncloudfront = true\n';
  const credentials = '[default]\naws_access_key_id = AKIA\naws_secret_access_key = secret\n';
  t.same(lintDocument(parseIni(config, 'config')), [], 'a typical config file has no finding');
  t.same(lintDocument(parseIni(credentials, 'credentials')), [], 'a typical credentials file has no finding');
});

t.test('findEditBlockers', async (t) => {
  t.same(findEditBlockers(parseIni('[default]\nregion = x # c\n', 'config')), [], 'warnings do not block');
  t.equal(findEditBlockers(parseIni('[a]\n[a]\n', 'credentials'))[0]?.code, 'duplicate-section', 'a repeated section blocks');
});

t.test('lint messages hide values', async (t) => {
  const secret = 'mockSecretEXAMPLEvalue1234567890abcdefgh';
  const texts = [`[a]\naws_secret_access_key = ${secret}\naws_secret_access_key = ${secret}\n`, `[a]\n  ${secret}\n`, `${secret}\n`, `[a]\n${secret}\n`, `[a]\nk = ${secret} # c\n`];
  for (const text of texts) {
    for (const diagnostic of lintDocument(parseIni(text, 'credentials'))) {
      t.notMatch(`${diagnostic.message} ${diagnostic.hint}`, secret, `${diagnostic.code} does not show the value`);
    }
  }
});
