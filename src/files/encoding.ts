import { isUtf8 } from 'node:buffer';
import { createDiagnostic } from '../ini/diagnostics.js';
import { parseIni, type FileKind, type IniDocument } from '../ini/parse.js';

/**
 * Parse the bytes of an AWS file. A UTF-16 or invalid UTF-8 file gives an empty document
 * with one error: no AWS reader can read it, and decoding it would not round-trip its bytes.
 * A UTF-8 byte order mark, NUL bytes and stray carriage returns are reported by the parser.
 */
export function decodeDocument(bytes: Uint8Array, kind: FileKind): IniDocument {
  if (isUtf16(bytes)) {
    return describeUnreadable(kind, 'utf16', 1, 'file is encoded as UTF-16, which AWS tools cannot read');
  }
  if (!isUtf8(bytes)) {
    const line = countLines(bytes, findInvalidUtf8(bytes));
    return describeUnreadable(kind, 'invalid-utf8', line, 'file is not valid UTF-8 text (it may be binary or use another encoding)');
  }
  return parseIni(Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength).toString('utf8'), kind);
}

function isUtf16(bytes: Uint8Array): boolean {
  if ((bytes[0] === 0xff && bytes[1] === 0xfe) || (bytes[0] === 0xfe && bytes[1] === 0xff)) {
    return true;
  }
  return looksLikeUtf16WithoutBom(bytes);
}

/**
 * Detect UTF-16 without a byte order mark, as some Windows tools write it. ASCII text in
 * UTF-16 has a NUL in every other byte, which UTF-8 text never has. So a NUL in at least 40 %
 * of either the even or the odd positions of the first 512 bytes marks the file as UTF-16.
 */
function looksLikeUtf16WithoutBom(bytes: Uint8Array): boolean {
  const length = Math.min(bytes.length, 512) & ~1;
  // Too few bytes to tell a stray NUL from an encoding.
  if (length < 16) {
    return false;
  }
  let even = 0;
  let odd = 0;
  for (let i = 0; i < length; i += 2) {
    even += bytes[i] === 0 ? 1 : 0;
    odd += bytes[i + 1] === 0 ? 1 : 0;
  }
  const pairs = length / 2;
  return even >= pairs * 0.4 || odd >= pairs * 0.4;
}

function describeUnreadable(kind: FileKind, code: 'utf16' | 'invalid-utf8', line: number, message: string): IniDocument {
  const doc = parseIni('', kind);
  doc.diagnostics.push(createDiagnostic(code, 'error', line, message, 'save the file as UTF-8 text without a byte order mark, or restore it from a backup'));
  return doc;
}

function countLines(bytes: Uint8Array, end: number): number {
  let lines = 1;
  for (let i = 0; i < end; i++) {
    if (bytes[i] === 0x0a) {
      lines++;
    }
  }
  return lines;
}

/** Find the first byte that does not start a well-formed UTF-8 sequence (RFC 3629), or return -1. */
export function findInvalidUtf8(bytes: Uint8Array): number {
  let i = 0;
  while (i < bytes.length) {
    const length = getSequenceLength(bytes, i);
    if (length === 0) {
      return i;
    }
    i += length;
  }
  return -1;
}

/** Measure the well-formed sequence at `i`, or return 0. Overlong forms and surrogates are invalid. */
function getSequenceLength(bytes: Uint8Array, i: number): number {
  const first = bytes[i] as number;
  if (first < 0x80) {
    return 1;
  }
  const [length, min, max] = describeLeadByte(first);
  if (length === 0 || i + length > bytes.length) {
    return 0;
  }
  const second = bytes[i + 1] as number;
  if (second < min || second > max) {
    return 0;
  }
  for (let k = 2; k < length; k++) {
    const next = bytes[i + k] as number;
    if (next < 0x80 || next > 0xbf) {
      return 0;
    }
  }
  return length;
}

/** Return the sequence length and the allowed range of the second byte for a lead byte. */
function describeLeadByte(first: number): [number, number, number] {
  if (first >= 0xc2 && first <= 0xdf) {
    return [2, 0x80, 0xbf];
  }
  if (first === 0xe0) {
    return [3, 0xa0, 0xbf];
  }
  if (first === 0xed) {
    return [3, 0x80, 0x9f];
  }
  if (first >= 0xe1 && first <= 0xef) {
    return [3, 0x80, 0xbf];
  }
  if (first === 0xf0) {
    return [4, 0x90, 0xbf];
  }
  if (first === 0xf4) {
    return [4, 0x80, 0x8f];
  }
  if (first >= 0xf1 && first <= 0xf3) {
    return [4, 0x80, 0xbf];
  }
  return [0, 0, 0];
}
