/**
 * Lossless parser for the AWS shared config and credentials files. Every line is kept with
 * its own line ending, so serialising the lines gives back the input byte for byte.
 *
 * The rules follow the AWS SDKs' shared profile-file format. Comments start a line with `#`
 * or `;`. An indented line continues the property above it, or is a sub-property when that
 * property's value is empty. A comment after a value needs whitespace before its `#` or `;`.
 */
import { createDiagnostic, type DiagnosticCode, type IniDiagnostic } from './diagnostics.js';
import { isBlankLine, isCommentLine, isIdentifier, isIndented, prepareLine, splitProperty } from './line.js';
import { describeSection } from './section-header.js';

export type { DiagnosticSeverity, IniDiagnostic } from './diagnostics.js';

export type FileKind = 'config' | 'credentials';

export type LineKind = 'blank' | 'comment' | 'section' | 'property' | 'continuation' | 'subproperty' | 'invalid';

export interface IniLine {
  kind: LineKind;
  /** Line text without its line ending. */
  text: string;
  /** '\n', '\r\n' or '' for a last line without a newline. */
  eol: string;
  /** 1-based line number in the file. */
  number: number;
  /** Index of the section this line belongs to, or -1 before the first section. */
  section: number;
  /** For property lines: the key as written and the trimmed value without comment. */
  key?: string;
  value?: string;
  /** For continuation and sub-property lines: index of the property line they belong to. */
  property?: number;
}

export type SectionKind = 'profile' | 'sso-session' | 'services' | 'ignored';

export interface IniSection {
  /** Text between the brackets, trimmed, as written. */
  header: string;
  kind: SectionKind;
  /** Profile name (without `profile `), sso-session or services name. */
  name: string;
  /** Index of the header line in `lines`. */
  line: number;
  /** True for `[profile default]` in a config file, which wins over `[default]`. */
  prefixedDefault: boolean;
  /** True when the header starts with the word `profile` (ignored in a credentials file). */
  profilePrefix: boolean;
}

export interface IniDocument {
  kind: FileKind;
  lines: IniLine[];
  sections: IniSection[];
  diagnostics: IniDiagnostic[];
  /** True when the file started with a UTF-8 byte order mark, which is kept on output. */
  bom: boolean;
}

/** Parser state: the property that an indented line would continue. */
interface ParseState {
  doc: IniDocument;
  property: number | undefined;
}

export function isValidProfileName(name: string): boolean {
  return isIdentifier(name);
}

export function isValidPropertyName(name: string): boolean {
  return isIdentifier(name);
}

/** Parse file text into a lossless document. Problems become diagnostics, not exceptions. */
export function parseIni(text: string, kind: FileKind): IniDocument {
  const bom = text.startsWith('\uFEFF');
  const body = bom ? text.slice(1) : text;
  const state: ParseState = { doc: { kind, lines: [], sections: [], diagnostics: [], bom }, property: undefined };

  if (bom) {
    report(state, 'bom', 1, 'file starts with a byte order mark (BOM), which the AWS CLI cannot read', 'save the file as UTF-8 without a byte order mark');
  }
  for (const [lineText, eol] of splitLines(body)) {
    classifyLine(state, lineText, eol);
  }
  return state.doc;
}

/** Serialise a document back to text; the inverse of parseIni for an unedited document. */
export function serializeIni(doc: IniDocument): string {
  const parts = doc.lines.map((line) => line.text + line.eol);
  return (doc.bom ? '\uFEFF' : '') + parts.join('');
}

/** Split at '\n', keeping a '\r' before it as part of the line ending, as the SDKs do. */
function splitLines(text: string): Array<[string, string]> {
  const result: Array<[string, string]> = [];
  let start = 0;

  while (start < text.length) {
    const newline = text.indexOf('\n', start);
    if (newline === -1) {
      result.push([text.slice(start), '']);
      break;
    }
    const crlf = newline > start && text[newline - 1] === '\r';
    result.push([text.slice(start, crlf ? newline - 1 : newline), crlf ? '\r\n' : '\n']);
    start = newline + 1;
  }
  return result;
}

function classifyLine(state: ParseState, text: string, eol: string): void {
  const doc = state.doc;
  const line: IniLine = { kind: 'blank', text, eol, number: doc.lines.length + 1, section: doc.sections.length - 1 };
  doc.lines.push(line);
  checkCharacters(state, line);

  if (isBlankLine(text)) {
    return;
  }
  if (isCommentLine(text)) {
    line.kind = 'comment';
  } else if (text.startsWith('[')) {
    parseSectionLine(state, line);
  } else if (isIndented(text)) {
    parseIndentedLine(state, line);
  } else {
    parsePropertyLine(state, line);
  }
}

/** Report a NUL byte or a carriage return that is not part of a CRLF line ending. */
function checkCharacters(state: ParseState, line: IniLine): void {
  if (line.text.includes('\0')) {
    report(state, 'nul-byte', line.number, 'line contains a NUL byte', 'remove the NUL byte, or restore the file from a backup');
  }
  if (line.text.includes('\r')) {
    report(
      state,
      'stray-carriage-return',
      line.number,
      'line contains a carriage return (CR) that does not end the line: the AWS CLI reads it as a line break, the SDKs do not',
      'remove the CR, or convert the line endings with `dos2unix`',
    );
  }
}

function parseSectionLine(state: ParseState, line: IniLine): void {
  const prepared = prepareLine(line.text, false);
  state.property = undefined;

  if (!prepared.endsWith(']')) {
    line.kind = 'invalid';
    report(state, 'unclosed-section', line.number, `section header ${quote(line.text)} does not end with ']'`, 'close the header with ]');
    return;
  }
  line.kind = 'section';
  line.section = state.doc.sections.length;
  state.doc.sections.push(describeSection(state.doc.kind, prepared.slice(1, -1), state.doc.lines.length - 1));
}

function parsePropertyLine(state: ParseState, line: IniLine): void {
  if (line.section < 0) {
    line.kind = 'invalid';
    report(state, 'property-outside-section', line.number, 'property comes before any section header', 'move it under a [profile NAME] or [default] header');
    return;
  }
  const split = splitProperty(line.text);
  if (split === 'missing-equals') {
    line.kind = 'invalid';
    state.property = undefined;
    report(state, 'missing-equals', line.number, "line has no '=' sign, or a comment comes before it", 'write properties as key = value');
    return;
  }
  if (split === 'missing-key') {
    line.kind = 'invalid';
    state.property = undefined;
    report(state, 'missing-key', line.number, "property has no name before '='", 'write properties as key = value');
    return;
  }
  line.kind = 'property';
  line.key = split.key;
  line.value = split.value;
  state.property = state.doc.lines.length - 1;
}

function parseIndentedLine(state: ParseState, line: IniLine): void {
  // Line content is never quoted in these messages: a broken line may hold a secret key.
  const owner = state.property;
  if (owner === undefined) {
    line.kind = 'invalid';
    const where = line.section < 0 ? 'comes before any section' : 'does not follow a property';
    report(state, 'orphan-continuation', line.number, `indented line ${where}`, 'remove the leading whitespace, or move the line under a property');
    return;
  }
  const parent = state.doc.lines[owner] as IniLine;
  line.property = owner;
  if (parent.value !== '') {
    line.kind = 'continuation';
    return;
  }
  line.kind = 'subproperty';
  if (typeof splitProperty(line.text) === 'string') {
    line.kind = 'invalid';
    state.property = undefined;
    report(state, 'invalid-subproperty', line.number, `sub-property under '${parent.key}' is not of the form key = value`, 'write sub-properties as indented key = value lines');
  }
}

function report(state: ParseState, code: DiagnosticCode, line: number, message: string, hint: string): void {
  state.doc.diagnostics.push(createDiagnostic(code, 'error', line, message, hint));
}

function quote(text: string): string {
  const short = text.length > 60 ? `${text.slice(0, 57)}...` : text;
  return `'${short}'`;
}
