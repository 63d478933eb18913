import t from 'tap';
import { decodeDocument, findInvalidUtf8 } from '../../src/files/encoding.js';
import { serializeIni } from '../../src/ini/parse.js';
import { buildProfileView } from '../../src/ini/view.js';

const TEXT = '[default]\nregion = us-east-1\n';

t.test('decodeDocument of UTF-16', async (t) => {
  for (const [name, bytes] of [
    ['little-endian', Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from(TEXT, 'utf16le')])],
    ['big-endian', Buffer.concat([Buffer.from([0xfe, 0xff]), Buffer.from(TEXT, 'utf16le').swap16()])],
    ['little-endian without BOM', Buffer.from(TEXT, 'utf16le')],
    ['big-endian without BOM', Buffer.from(TEXT, 'utf16le').swap16()],
  ] as const) {
    const doc = decodeDocument(bytes, 'config');
    t.same(doc.diagnostics.map((d) => d.code), ['utf16'], `${name} gets one utf16 diagnostic`);
    t.equal(doc.diagnostics[0]?.line, 1, `${name} on line 1`);
    t.match(doc.diagnostics[0]?.hint, /UTF-8/, `${name} fix says UTF-8`);
    t.equal(doc.lines.length, 0, `${name} reads as empty`);
  }
});

t.test('decodeDocument of invalid UTF-8', async (t) => {
  const bytes = Buffer.concat([Buffer.from('[default]\nname = caf'), Buffer.from([0xe9]), Buffer.from('\n')]);
  const doc = decodeDocument(bytes, 'credentials');
  t.same(doc.diagnostics.map((d) => d.code), ['invalid-utf8'], 'a Latin-1 byte is reported');
  t.equal(doc.diagnostics[0]?.line, 2, 'on its line');
});

t.test('decodeDocument of UTF-8', async (t) => {
  const text = '[default]\nname = café 😂\n';
  const doc = decodeDocument(Buffer.from(text), 'config');
  t.same(doc.diagnostics, [], 'non-ASCII text is fine');
  t.equal(serializeIni(doc), text, 'and round-trips');

  const nul = decodeDocument(Buffer.from('[default]\r\nregion = x\r\nk = a\0b\r\n'), 'config');
  t.same(nul.diagnostics.map((d) => d.code), ['nul-byte'], 'a NUL byte is reported');
  t.equal(nul.diagnostics[0]?.line, 3, 'on its line');
  t.equal(buildProfileView(nul, decodeDocument(Buffer.alloc(0), 'credentials')).profiles.get('default')?.get('region'), 'x', 'other keys still read');
});

t.test('findInvalidUtf8', async (t) => {
  const cases: Array<[string, number[], number]> = [
    ['ASCII', [0x61, 0x62], -1],
    ['two-byte', [0xc3, 0xa9], -1],
    ['four-byte', [0xf0, 0x9f, 0x98, 0x82], -1],
    ['lone continuation', [0x61, 0x80], 1],
    ['overlong two-byte', [0xc0, 0xaf], 0],
    ['overlong three-byte', [0xe0, 0x80, 0xaf], 0],
    ['surrogate', [0xed, 0xa0, 0x80], 0],
    ['above U+10FFFF', [0xf4, 0x90, 0x80, 0x80], 0],
    ['truncated', [0x61, 0xe2, 0x82], 1],
    ['bad third byte', [0xe2, 0x82, 0x41], 0],
  ];
  for (const [name, bytes, offset] of cases) {
    t.equal(findInvalidUtf8(Uint8Array.from(bytes)), offset, name);
  }
});
