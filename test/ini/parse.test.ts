import t from 'tap';
import { parseIni, serializeIni, type IniDocument } from '../../src/ini/parse.js';
import { buildProfileView } from '../../src/ini/view.js';

function readConfig(text: string): Map<string, Map<string, string>> {
  return buildProfileView(parseIni(text, 'config'), parseIni('', 'credentials')).profiles;
}

function codes(doc: IniDocument): string[] {
  return doc.diagnostics.map((diagnostic) => diagnostic.code);
}

t.test('parseIni comments', async (t) => {
  t.same(codes(parseIni('[default]\nkey #note = value\n', 'config')), ['missing-equals'], 'a comment before = hides the =');
  t.same(codes(parseIni('[default]\ns3 =\n  name ;x = v\n', 'config')), ['invalid-subproperty'], 'a comment before = in a sub-property hides the =');
  t.equal(readConfig('[default]\nkey = a\u00a0#b\n').get('default')?.get('key'), 'a\u00a0', 'any Unicode whitespace before # starts a comment');
  t.equal(readConfig('[default]\nkey =#b\n').get('default')?.get('key'), '#b', '# right after = is part of the value');
  t.equal(readConfig('[default]\nkey = #b\n').get('default')?.get('key'), '', '# after a space is a comment');
});

t.test('parseIni whitespace', async (t) => {
  t.equal(readConfig('[default]\nkey = v\u00a0\n').get('default')?.get('key'), 'v\u00a0', 'only space and tab are trimmed from values');
  t.equal(readConfig('[default]\nkey = v\n \t-more\u00a0\n').get('default')?.get('key'), 'v\n-more\u00a0', 'only space and tab are trimmed from continuations');
  t.same(codes(parseIni('[default]\n\u00a0\n', 'config')), ['missing-equals'], 'a line of no-break spaces is not blank');
  t.ok(readConfig('[profile \u00a0foo\u00a0]\n').has('foo'), 'the name after the profile prefix is trimmed of Unicode whitespace');
  t.notOk(buildProfileView(parseIni('', 'config'), parseIni('[\u00a0foo]\n', 'credentials')).profiles.has('foo'), 'a credentials header is trimmed of spaces and tabs only');
});

t.test('parseIni property names', async (t) => {
  const profile = readConfig('[default]\nsome.key/with:chars@+% = 1\nbad key = 2\n').get('default');
  t.equal(profile?.get('some.key/with:chars@+%'), '1', 'keys accept the profile-name characters');
  t.notOk(profile?.has('bad key'), 'keys with spaces are ignored');
});

t.test('parseIni line characters', async (t) => {
  t.same(codes(parseIni('[default]\na = 1\rb = 2\n', 'config')), ['stray-carriage-return'], 'a lone CR is reported');
  t.same(codes(parseIni('[default]\r\na = 1\r\n', 'config')), [], 'CRLF endings are fine');
  const nul = parseIni('[default]\na = 1\nb = \0\n', 'config');
  t.same(codes(nul), ['nul-byte'], 'a NUL byte is reported');
  t.equal(nul.diagnostics[0]?.line, 3, 'on its line');
});

t.test('parseIni byte order mark', async (t) => {
  const doc = parseIni('\uFEFF[default]\na = 1\n', 'config');
  t.same(codes(doc), ['bom'], 'a BOM is reported');
  t.equal(serializeIni(doc), '\uFEFF[default]\na = 1\n', 'and kept on output');
  t.equal(buildProfileView(doc, parseIni('', 'credentials')).profiles.get('default')?.get('a'), '1', 'the rest still reads');
});

t.test('parseIni section headers', async (t) => {
  const doc = parseIni('[profile a] # c\n[profile b]x\n[ default ]\n', 'config');
  t.same(codes(doc), ['unclosed-section'], 'text after ] is an error');
  t.equal(doc.diagnostics[0]?.line, 2, 'on the header line');
  t.equal(doc.sections[0]?.name, 'a', 'a comment after the header is dropped');
  t.equal(doc.sections[1]?.name, 'default', '[ default ] is the default profile');
  t.ok(parseIni('[profile x]\n', 'credentials').sections[0]?.profilePrefix, '[profile x] in credentials is marked');
});

t.test('parseIni never throws', async (t) => {
  const samples = ['', '\n', '[', ']', '=', ' =', '[a]\n =', '[a]\n\t', '\r\n\r\n', '[a]\ns3 =\n\n\n  x = 1\n#c\n  y = 2'];
  for (const sample of samples) {
    for (const kind of ['config', 'credentials'] as const) {
      const doc = parseIni(sample, kind);
      t.equal(serializeIni(doc), sample, `${JSON.stringify(sample)} as ${kind} round-trips`);
    }
  }
});
