import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import t from 'tap';
import { decodeDocument } from '../../src/files/encoding.js';
import { lintDocument } from '../../src/ini/lint.js';
import { serializeIni, type FileKind } from '../../src/ini/parse.js';
import { buildProfileView } from '../../src/ini/view.js';

const CONFORMANCE = fileURLToPath(new URL('../../../shared/conformance/', import.meta.url));
const BOTOCORE = join(CONFORMANCE, 'botocore', 'cfg');
const GO = join(CONFORMANCE, 'aws-sdk-go');

/** List every file of the botocore and Go SDK v1 test data, the JSON expectations included. */
function listCorpus(): string[] {
  const folders = [BOTOCORE, join(GO, 'internal-ini', 'valid'), join(GO, 'internal-ini', 'invalid'), join(GO, 'session')];
  const files = folders.flatMap((folder) => readdirSync(folder).map((name) => join(folder, name)));
  return [...files, join(GO, 'credentials-example.ini')];
}

function read(file: string, kind: FileKind) {
  const bytes = readFileSync(file);
  return { bytes, doc: decodeDocument(bytes, kind) };
}

const corpus = listCorpus();
t.equal(corpus.length, 65, 'corpus has 15 botocore and 50 Go SDK files');

for (const file of corpus) {
  const name = file.slice(CONFORMANCE.length);
  for (const kind of ['config', 'credentials'] as const) {
    t.test(`${name} as ${kind}`, async (t) => {
      const { bytes, doc } = read(file, kind);
      const text = bytes.toString('utf8');
      const isText = Buffer.from(text, 'utf8').equals(bytes);

      if (isText) {
        t.equal(serializeIni(doc), text, 'round-trips byte for byte');
      } else {
        t.ok(doc.diagnostics.some((d) => d.code === 'invalid-utf8'), 'binary file gets an invalid-utf8 diagnostic');
      }
      t.doesNotThrow(() => buildProfileView(doc, doc.kind === 'config' ? read(file, 'credentials').doc : doc), 'builds a profile view');
      t.doesNotThrow(() => lintDocument(doc), 'lints');
    });
  }
}

t.test('botocore expectations the SDK rules share', async (t) => {
  const nested = read(join(BOTOCORE, 'aws_config_nested'), 'config').doc;
  const nestedDefault = buildProfileView(nested, parseEmpty()).profiles.get('default');
  t.equal(nestedDefault?.get('s3'), '\nsignature_version = s3v4\naddressing_style = path', 's3 keeps its sub-properties');
  t.equal(nestedDefault?.get('region'), 'us-west-2', 'region after a block stays top-level');

  const sso = read(join(BOTOCORE, 'aws_sso_session_config'), 'config').doc;
  const ssoView = buildProfileView(sso, parseEmpty());
  t.equal(ssoView.ssoSessions.get('sso')?.get('sso_region'), 'us-east-1', 'sso-session section is read');
  t.equal(ssoView.profiles.get('default')?.get('sso_session'), 'sso', 'default names the sso-session');

  const services = read(join(BOTOCORE, 'aws_services_config'), 'config').doc;
  t.equal(buildProfileView(services, parseEmpty()).services.get('my-services')?.get('s3'), '\nendpoint_url = https://localhost:5678/', 'services section is read');
});

t.test('botocore and Go files that every reader rejects', async (t) => {
  const cases: Array<[string, string]> = [
    [join(BOTOCORE, 'aws_config_bad'), 'property-outside-section'],
    [join(BOTOCORE, 'aws_config_nested_bad'), 'invalid-subproperty'],
    [join(BOTOCORE, 'aws_config_badbytes'), 'invalid-utf8'],
    [join(GO, 'session', 'shared_config_invalid_ini'), 'unclosed-section'],
    [join(GO, 'internal-ini', 'invalid', 'incomplete_section_profile'), 'unclosed-section'],
    [join(GO, 'internal-ini', 'invalid', 'syntax_error_comment'), 'unclosed-section'],
    [join(GO, 'credentials-example.ini'), 'missing-equals'],
  ];
  for (const [file, code] of cases) {
    const codes = read(file, 'config').doc.diagnostics.map((d) => d.code);
    t.ok(codes.includes(code as never), `${file.slice(CONFORMANCE.length)} reports ${code}`);
  }
});

t.test('Go invalid files the SDK rules only ignore', async (t) => {
  const cases: Array<[string, string]> = [
    ['bad_section_name', 'ignored-section'],
    ['bad_syntax_1', 'ignored-section'],
    ['bad_syntax_2', 'ignored-section'],
    ['invalid_keys', 'ignored-key'],
  ];
  for (const [name, code] of cases) {
    const doc = read(join(GO, 'internal-ini', 'invalid', name), 'config').doc;
    t.same(doc.diagnostics, [], `${name} parses without a syntax error`);
    t.ok(lintDocument(doc).some((d) => d.code === code), `${name} gets a ${code} warning`);
  }
});

function parseEmpty() {
  return decodeDocument(new Uint8Array(), 'credentials');
}
