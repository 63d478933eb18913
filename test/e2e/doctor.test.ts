import { chmodSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import t from 'tap';
import { buildEnv, runAwsmfa } from '../helpers/cli.js';
import { createHome } from '../helpers/home.js';

const ENDPOINT = 'http://127.0.0.1:9';
const SECRET = 'mockSecretKeyEXAMPLE0123456789abcdefghij';

const CLEAN_CONFIG = '[default]\nregion = us-east-1\n\n[profile admin]\nrole_arn = arn:aws-us-gov:iam::123456789012:role/Admin\nsource_profile = default\n';
const CLEAN_CREDENTIALS = `[default]\naws_access_key_id = AKIAIOSFODNN7EXAMPLE\naws_secret_access_key = ${SECRET}\n`;

const BAD_CONFIG = [
  '[default]', // 1
  'region = us-east-1', // 2
  '[profile default]', // 3
  'output = json', // 4
  '[profile dev]', // 5
  'region = eu-west-1', // 6
  'REGION = eu-west-2', // 7
  '[profile dev]', // 8
  'output = text', // 9
  '[profile cn]', // 10
  'role_arn = arn:aws-cn:iam::12345:role/Admin', // 11
  'source_profile = default', // 12
  '[profile orphan]', // 13
  'role_arn = arn:aws:iam::123456789012:role/Orphan', // 14
  '[profile lost]', // 15
  'role_arn = arn:aws:iam::123456789012:role/Lost', // 16
  'source_profile = nowhere', // 17
  '',
].join('\n');

const BAD_CREDENTIALS = [
  '[default]', // 1
  'aws_access_key_id = AKIAIOSFODNN7EXAMPLE', // 2
  `aws_secret_access_key = ${SECRET}`, // 3
  'mfa_serial = arn:aws:iam::123456789012:mfa/me', // 4
  '[profile ops]', // 5
  'aws_access_key_id = AKIAOPSEXAMPLE', // 6
  '[dev-mfasession]', // 7
  'aws_access_key_id = ASIAIOSFODNN7EXAMPLE', // 8
  `aws_secret_access_key = ${SECRET}`, // 9
  '  [staging]', // 10
  '',
].join('\n');

function runDoctor(files: { config?: string; credentials?: string }, args: string[] = [], extra: NodeJS.ProcessEnv = {}) {
  const home = createHome(files);
  t.teardown(home.remove);
  return { home, result: runAwsmfa(['doctor', ...args], buildEnv(home.home, ENDPOINT, extra)) };
}

t.test('doctor on clean files', async (t) => {
  const { home, result } = runDoctor({ config: CLEAN_CONFIG, credentials: CLEAN_CREDENTIALS });
  t.equal(result.status, 0, 'exits 0');
  t.equal(result.stdout, `no problems found in ${home.config} and ${home.credentials}\n`, 'says so on stdout');
  t.equal(result.stderr, '', 'stderr is empty');
});

t.test('doctor on broken files', async (t) => {
  const { home, result } = runDoctor({ config: BAD_CONFIG, credentials: BAD_CREDENTIALS });
  const expected: Array<[string, number, string, RegExp]> = [
    [home.config, 1, 'error', /\[default\] and \[profile default\] \(line 3\)/],
    [home.config, 7, 'error', /key 'REGION' appears again in \[profile dev\] \(first at line 6\)/],
    [home.config, 8, 'error', /section \[profile dev\] repeats the section at line 5/],
    [home.config, 11, 'error', /role_arn of profile 'cn' .*account ID "12345"/],
    [home.config, 14, 'error', /role profile 'orphan' has role_arn but no source_profile/],
    [home.config, 17, 'error', /role profile 'lost' uses source_profile 'nowhere'/],
    [home.credentials, 4, 'warning', /'mfa_serial' is a config-file setting/],
    [home.credentials, 5, 'error', /\[profile ops\] is ignored/],
    [home.credentials, 7, 'warning', /session 'dev-mfasession' has no valid aws_session_expiry/],
    [home.credentials, 10, 'error', /section header is indented/],
  ];
  t.equal(result.status, 1, 'exits 1');
  for (const [file, line, severity, message] of expected) {
    const pattern = new RegExp(`^${escape(`${file}:${line}: ${severity}: `)}${message.source}.*\\n  fix: \\S`, 'm');
    t.match(result.stdout, pattern, `${file.endsWith('config') ? 'config' : 'credentials'}:${line} ${severity}`);
  }
  t.match(result.stdout, /\n\n8 errors, 2 warnings in \S+config and \S+credentials\n$/, 'ends with a summary');
  t.match(result.stderr, /^awsmfa: doctor found 8 errors/, 'stderr counts the errors');
  t.notMatch(result.stdout + result.stderr, SECRET, 'no secret appears');
});

t.test('doctor --json', async (t) => {
  const { home, result } = runDoctor({ config: BAD_CONFIG, credentials: BAD_CREDENTIALS }, ['--json']);
  const report = JSON.parse(result.stdout) as { files: unknown[]; findings: Array<{ file: string; line: number; code: string; severity: string; fix: string }>; errors: number; warnings: number };
  t.equal(result.status, 1, 'exits 1');
  t.equal(report.errors, 8, 'counts errors');
  t.equal(report.warnings, 2, 'counts warnings');
  t.same(report.files, [
    { path: home.config, kind: 'config', exists: true },
    { path: home.credentials, kind: 'credentials', exists: true },
  ], 'lists both files');
  t.same(report.findings.find((finding) => finding.code === 'duplicate-key'), { file: home.config, line: 7, severity: 'error', code: 'duplicate-key', message: "key 'REGION' appears again in [profile dev] (first at line 6)", fix: 'keep one of the two lines: the AWS CLI cannot read a file with a repeated key' }, 'a finding has file, line, severity, code, message and fix');
  t.notMatch(result.stdout, SECRET, 'no secret appears');
});

t.test('doctor on encodings', async (t) => {
  const home = createHome({ config: '\uFEFF[default]\nregion = us-east-1\n' });
  t.teardown(home.remove);
  writeFileSync(home.credentials, Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from(CLEAN_CREDENTIALS, 'utf16le')]));

  const result = runAwsmfa(['doctor'], buildEnv(home.home, ENDPOINT));
  t.equal(result.status, 1, 'exits 1');
  t.match(result.stdout, `${home.config}:1: error: file starts with a byte order mark`, 'reports the BOM');
  t.match(result.stdout, `${home.credentials}:1: error: file is encoded as UTF-16`, 'reports UTF-16');
  t.match(result.stdout, '  fix: save the file as UTF-8', 'with the fix');
});

t.test('doctor with warnings only', async (t) => {
  const { result } = runDoctor({ config: '[default]\nregion = us-east-1 # nearest\n' });
  t.equal(result.status, 0, 'exits 0');
  t.match(result.stdout, /config:2: warning: the AWS CLI reads the comment/, 'prints the warning');
  t.match(result.stdout, /0 errors, 1 warning in/, 'counts it');
});

t.test('doctor without files', async (t) => {
  const home = mkdtempSync(join(tmpdir(), 'awsmfa-empty-'));
  t.teardown(() => rmSync(home, { recursive: true, force: true }));
  const result = runAwsmfa(['doctor'], buildEnv(home, ENDPOINT));
  t.equal(result.status, 0, 'exits 0');
  t.match(result.stdout, /^no problems found in \S+config \(not found\) and \S+credentials \(not found\)\n$/, 'says the files are missing');
});

t.test('doctor under the shell wrapper', async (t) => {
  const clean = runDoctor({ config: CLEAN_CONFIG, credentials: CLEAN_CREDENTIALS }, [], { AWSMFA_WRAPPER: 'bash' });
  t.equal(clean.result.status, 0, 'clean files exit 0');
  t.match(clean.result.stdout, /^printf '%s' 'no problems found/, 'stdout is code that prints the report');

  const broken = runDoctor({ config: BAD_CONFIG }, [], { AWSMFA_WRAPPER: 'bash' });
  t.equal(broken.result.status, 1, 'broken files exit 1');
  t.equal(broken.result.stdout, '', 'stdout stays empty, since the wrapper evaluates nothing on failure');
  t.match(broken.result.stderr, /config:1: error: /, 'the report goes to stderr');
});

function escape(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}

t.test('doctor on a readable credentials file', async (t) => {
  const home = createHome({ config: CLEAN_CONFIG, credentials: CLEAN_CREDENTIALS });
  t.teardown(home.remove);
  chmodSync(home.credentials, 0o644);

  const result = runAwsmfa(['doctor'], buildEnv(home.home, ENDPOINT));
  t.equal(result.status, 0, 'a warning alone exits 0');
  t.match(result.stdout, `${home.credentials}: warning: the credentials file has mode 644`, 'names the file and its mode');
  t.match(result.stdout, `fix: chmod 600 '${home.credentials}'`, 'gives the command that fixes it');
});
