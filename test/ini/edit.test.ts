import t from 'tap';
import { IniEditError, removeProperties, removeSection, setProperties } from '../../src/ini/edit.js';
import { parseIni, serializeIni, type FileKind } from '../../src/ini/parse.js';

function set(text: string, profile: string, entries: Array<[string, string]>, kind: FileKind = 'config'): string {
  return serializeIni(setProperties(parseIni(text, kind), profile, entries));
}

function remove(text: string, profile: string, keys: string[], kind: FileKind = 'config'): string {
  return serializeIni(removeProperties(parseIni(text, kind), profile, keys));
}

function drop(text: string, profile: string, kind: FileKind = 'config'): string {
  return serializeIni(removeSection(parseIni(text, kind), profile));
}

const CONFIG = [
  '# shared settings',
  '[default]',
  'region = us-east-1',
  '',
  '; the dev account',
  '[profile dev]',
  'Region   =   eu-west-1',
  'output=json',
  's3 =',
  '    addressing_style = path',
  '  signature_version = s3v4',
  '',
  '# end of dev',
  '',
  '[sso-session corp]',
  'sso_region = us-east-1',
  '',
].join('\n');

t.test('setProperties on an existing key', async (t) => {
  t.equal(set(CONFIG, 'dev', [['region', 'ap-south-1']]), CONFIG.replace('Region   =   eu-west-1', 'Region   =   ap-south-1'), 'keeps key spelling and spacing');
  t.equal(set(CONFIG, 'dev', [['output', 'text']]), CONFIG.replace('output=json', 'output= text'), 'adds one space after a bare =');
  t.equal(set(CONFIG, 'dev', [['s3', 'x']]), CONFIG.replace('s3 =\n    addressing_style = path\n  signature_version = s3v4', 's3 = x'), 'replaces sub-properties with a plain value');
  t.equal(set(CONFIG, 'dev', [['output', 'json']]), CONFIG, 'an unchanged value changes nothing');
  t.equal(set(CONFIG, 'dev', [['region', '']]), CONFIG.replace('Region   =   eu-west-1', 'Region   ='), 'an empty value leaves no trailing space');
});

t.test('setProperties moves an inline comment', async (t) => {
  const text = '[default]\nregion = us-east-1 ; nearest\noutput = json\n';
  t.equal(set(text, 'default', [['region', 'eu-west-1']]), '[default]\n; nearest\nregion = eu-west-1\noutput = json\n', 'the comment goes above the property');
  t.equal(set(text, 'default', [['region', 'us-east-1']]), text, 'an unchanged value keeps the comment in place');
});

t.test('setProperties adds a key', async (t) => {
  t.equal(set(CONFIG, 'dev', [['mfa_serial', 'arn:aws:iam::123456789012:mfa/dev']]), CONFIG.replace('  signature_version = s3v4\n', '  signature_version = s3v4\nmfa_serial = arn:aws:iam::123456789012:mfa/dev\n'), 'after the last sub-property, before blank lines and comments');
  t.equal(set(CONFIG, 'default', [['output', 'json']]), CONFIG.replace('region = us-east-1\n', 'region = us-east-1\noutput = json\n'), 'in the first section');
  t.equal(set('[profile a]', 'a', [['k', 'v']]), '[profile a]\nk = v', 'after a header without a final newline');
});

t.test('setProperties adds a section', async (t) => {
  t.equal(set(CONFIG, 'new', [['region', 'us-west-2']]), `${CONFIG}\n[profile new]\nregion = us-west-2\n`, 'config header has the profile prefix, after a blank line');
  t.equal(set('[a]\nk = v\n', 'new', [['k', 'v']], 'credentials'), '[a]\nk = v\n\n[new]\nk = v\n', 'credentials header is the bare name, after a blank line');
  t.equal(set('', 'default', [['region', 'x']]), '[default]\nregion = x\n', 'default has no prefix, in an empty file');
  t.equal(set('[profile x]\nk = v\n', 'x', [['aws_access_key_id', 'AKIA']], 'credentials'), '[profile x]\nk = v\n\n[x]\naws_access_key_id = AKIA\n', 'a prefixed header in credentials is not the profile');
});

t.test('setProperties keeps line endings', async (t) => {
  const crlf = '[default]\r\nregion = us-east-1\r\n';
  t.equal(set(crlf, 'default', [['output', 'json']]), '[default]\r\nregion = us-east-1\r\noutput = json\r\n', 'new key uses CRLF');
  t.equal(set(crlf, 'x', [['k', 'v']]), '[default]\r\nregion = us-east-1\r\n\r\n[profile x]\r\nk = v\r\n', 'new section uses CRLF');
  const bare = '[default]\r\nregion = us-east-1';
  t.equal(set(bare, 'default', [['output', 'json']]), '[default]\r\nregion = us-east-1\r\noutput = json', 'no final newline stays missing');
  t.equal(set(bare, 'x', [['k', 'v']]), '[default]\r\nregion = us-east-1\r\n\r\n[profile x]\r\nk = v', 'also after a new section');
  t.equal(set('[default]\nregion = us-east-1\r\n', 'default', [['a', 'b']]), '[default]\nregion = us-east-1\r\na = b\n', 'a mixed file uses its first line ending');
});

t.test('setProperties sets several keys', async (t) => {
  const result = set(CONFIG, 'dev', [['region', 'x'], ['cli_pager', '']]);
  t.equal(result, CONFIG.replace('Region   =   eu-west-1', 'Region   =   x').replace('  signature_version = s3v4\n', '  signature_version = s3v4\ncli_pager =\n'), 'each key in place');
  t.throws(() => set(CONFIG, 'dev', [['a', '1'], ['A', '2']]), IniEditError, 'the same key twice is rejected');
});

t.test('removeProperties', async (t) => {
  t.equal(remove(CONFIG, 'dev', ['s3']), CONFIG.replace('s3 =\n    addressing_style = path\n  signature_version = s3v4\n', ''), 'removes sub-property lines with the key');
  t.equal(remove(CONFIG, 'dev', ['REGION', 'missing']), CONFIG.replace('Region   =   eu-west-1\n', ''), 'matches keys without case and ignores absent ones');
  t.equal(remove('[a]\nk = v\n  more\n\n  and more\nx = 1', 'a', ['k'], 'credentials'), '[a]\nx = 1', 'removes continuation lines and the blank lines between them');
  t.equal(remove('[a]\nx = 1\nk = v', 'a', ['k'], 'credentials'), '[a]\nx = 1', 'keeps a missing final newline');
  t.equal(remove(CONFIG, 'nobody', ['region']), CONFIG, 'a missing profile changes nothing');
});

t.test('removeSection', async (t) => {
  const expected = CONFIG.replace('; the dev account\n[profile dev]\nRegion   =   eu-west-1\noutput=json\ns3 =\n    addressing_style = path\n  signature_version = s3v4\n', '; the dev account\n');
  t.equal(drop(CONFIG, 'dev'), expected, 'keeps comments around the section');
  t.equal(drop('[a]\nk = v\n\n[b]\nk = v', 'b', 'credentials'), '[a]\nk = v', 'removes the blank line before a last section and keeps the missing newline');
  t.equal(drop('[a]\nk = v\n\n[b]\nk = v\n\n[c]\n', 'b', 'credentials'), '[a]\nk = v\n\n[c]\n', 'leaves one blank line between neighbours');
  t.equal(drop(CONFIG, 'corp'), CONFIG, 'an sso-session is not a profile');
  t.equal(drop('[a]\nk = v\n\n\n[b]\nk = v', 'b', 'credentials'), '[a]\nk = v\n\n', 'an empty last line keeps its line ending');
  t.equal(drop('\n\n[a]\nk = v', 'a', 'credentials'), '\n', 'so does an empty first line');
});

t.test('edits never create a duplicate', async (t) => {
  const twice = '[profile a]\nk = 1\n[profile  a]\nj = 2\n';
  t.throws(() => set(twice, 'a', [['k', '3']]), { name: 'IniEditError', message: /defined 2 times.*lines 1, 3/ }, 'a repeated section is rejected');
  t.throws(() => set('[a]\nk = 1\nK = 2\n', 'a', [['k', '3']], 'credentials'), { name: 'IniEditError', message: /appears 2 times.*lines 2, 3/ }, 'a repeated key is rejected');
  t.throws(() => set('[default]\nk = 1\n[profile default]\nj = 2\n', 'default', [['k', '3']]), { name: 'IniEditError', message: /both \[default\] and \[profile default\]/ }, '[default] next to [profile default] is rejected');
  t.equal(set('[default]\nk = 1\n[profile default]\nj = 2\n', 'other', [['k', '3']]), '[default]\nk = 1\n[profile default]\nj = 2\n\n[profile other]\nk = 3\n', 'other profiles of that file can still be edited');
});

t.test('setProperties rejects unsafe values', async (t) => {
  const secret = 'mockSecretValueEXAMPLE';
  const cases: Array<[string, string]> = [
    [`${secret}\nregion = x`, 'line break'],
    [`${secret}\r`, 'line break'],
    [` ${secret}`, 'whitespace'],
    [`${secret} `, 'whitespace'],
    [`${secret}\u00a0`, 'whitespace'],
    [`${secret} #x`, 'comment'],
    [`${secret}\t;x`, 'comment'],
    [`#${secret}`, 'comment'],
    [`;${secret}`, 'comment'],
    [`${secret}\0`, 'control character'],
    [`${secret}\x1b[0m`, 'control character'],
    [`${secret}\ud83d`, 'unpaired surrogate'],
    [`\ude02${secret}`, 'unpaired surrogate'],
  ];
  for (const [value, reason] of cases) {
    t.throws(() => set(CONFIG, 'dev', [['aws_secret_access_key', value]]), { name: 'IniEditError', message: new RegExp(reason) }, `${JSON.stringify(value)} is rejected (${reason})`);
    try {
      set(CONFIG, 'dev', [['aws_secret_access_key', value]]);
    } catch (error) {
      t.notMatch((error as Error).message, secret, 'the message does not show the value');
    }
  }
  t.equal(set('[a]\n', 'a', [['k', 'v#x;y=z']], 'credentials'), '[a]\nk = v#x;y=z\n', '# and ; without whitespace before them are kept');
  t.equal(set('[a]\n', 'a', [['k', 'caf\u00e9 \ud83d\ude02 x']], 'credentials'), '[a]\nk = caf\u00e9 \ud83d\ude02 x\n', 'non-ASCII text and inner spaces are kept');
});

t.test('setProperties rejects unsafe names', async (t) => {
  t.throws(() => set(CONFIG, 'bad name', [['k', 'v']]), { name: 'IniEditError', message: /profile name/ }, 'a profile name with a space');
  t.throws(() => set(CONFIG, 'dev]', [['k', 'v']]), { name: 'IniEditError' }, 'a profile name with ]');
  t.throws(() => set(CONFIG, 'dev', [['my key', 'v']]), { name: 'IniEditError', message: /property name/ }, 'a key with a space');
  t.throws(() => set(CONFIG, 'dev', [['a:b', 'v']]), { name: 'IniEditError' }, 'a key with :');
});
