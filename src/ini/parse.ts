/**
 * Lossless parser for the AWS shared config and credentials files. Every line is kept with
 * its own line ending, so serialising the lines gives back the input byte for byte. The rules
 * follow the AWS SDKs' shared profile-file format: comments start a line with `#` or `;`,
 * an indented line continues the property above it (or, under an empty value, is a
 * sub-property), and a value's comment needs whitespace before its `#` or `;`.
 */

export type FileKind = 'config' | 'credentials';

export type LineKind =
  | 'blank'
  | 'comment'
  | 'section'
  | 'property'
  | 'continuation'
  | 'subproperty'
  | 'invalid';

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
}

export type DiagnosticSeverity = 'error' | 'warning';

export interface IniDiagnostic {
  severity: DiagnosticSeverity;
  line: number;
  message: string;
  hint: string;
}

export interface IniDocument {
  kind: FileKind;
  lines: IniLine[];
  sections: IniSection[];
  diagnostics: IniDiagnostic[];
  /** True when the file started with a UTF-8 byte order mark, which is kept on output. */
  bom: boolean;
}

const PROFILE_NAME = /^[A-Za-z0-9\-_./%@:+]+$/;
const PROPERTY_NAME = /^[A-Za-z0-9\-_]+$/;

export function isValidProfileName(name: string): boolean {
  return PROFILE_NAME.test(name);
}

export function isValidPropertyName(name: string): boolean {
  return PROPERTY_NAME.test(name);
}

/** Parse file text into a lossless document. Never throws: problems become diagnostics. */
export function parseIni(text: string, kind: FileKind): IniDocument {
  const bom = text.startsWith('\uFEFF');
  const body = bom ? text.slice(1) : text;
  const doc: IniDocument = { kind, lines: [], sections: [], diagnostics: [], bom };

  if (bom) {
    addDiagnostic(doc, 'error', 1, 'file starts with a byte order mark (BOM)', 'save the file as UTF-8 without BOM');
  }
  for (const [text, eol] of splitLines(body)) {
    classifyLine(doc, text, eol);
  }
  return doc;
}

/** Serialise a document back to text; the inverse of parseIni for an unedited document. */
export function serializeIni(doc: IniDocument): string {
  let out = doc.bom ? '\uFEFF' : '';
  for (const line of doc.lines) {
    out += line.text + line.eol;
  }
  return out;
}

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

function classifyLine(doc: IniDocument, text: string, eol: string): void {
  const number = doc.lines.length + 1;
  const section = doc.sections.length - 1;
  const line: IniLine = { kind: 'blank', text, eol, number, section };
  doc.lines.push(line);

  if (text.trim() === '') {
    return;
  }
  if (text.startsWith('#') || text.startsWith(';')) {
    line.kind = 'comment';
  } else if (text.startsWith('[')) {
    parseSectionLine(doc, line);
  } else if (text.startsWith(' ') || text.startsWith('\t')) {
    parseIndentedLine(doc, line);
  } else {
    parsePropertyLine(doc, line);
  }
}

function parseSectionLine(doc: IniDocument, line: IniLine): void {
  const header = stripComment(line.text, false).trimEnd();

  if (!header.endsWith(']')) {
    line.kind = 'invalid';
    addDiagnostic(doc, 'error', line.number, `section header ${quote(line.text)} does not end with ']'`, 'close the header with ]');
    return;
  }
  line.kind = 'section';
  line.section = doc.sections.length;
  doc.sections.push(describeSection(doc.kind, header.slice(1, -1).trim(), doc.lines.length - 1));
}

function describeSection(kind: FileKind, header: string, line: number): IniSection {
  const [first, rest] = splitFirstWord(header);
  const section: IniSection = { header, kind: 'ignored', name: header, line, prefixedDefault: false };

  if (kind === 'credentials') {
    section.kind = isValidProfileName(header) ? 'profile' : 'ignored';
    return section;
  }
  if (header === 'default') {
    section.kind = 'profile';
    return section;
  }
  const typed: Record<string, SectionKind> = { profile: 'profile', 'sso-session': 'sso-session', services: 'services' };
  const sectionKind = rest === undefined ? undefined : typed[first];
  if (sectionKind !== undefined && rest !== undefined && isValidProfileName(rest)) {
    section.kind = sectionKind;
    section.name = rest;
    section.prefixedDefault = sectionKind === 'profile' && rest === 'default';
  }
  return section;
}

function splitFirstWord(header: string): [string, string | undefined] {
  const match = /^(\S+)[ \t]+(.*)$/.exec(header);
  return match ? [match[1] ?? '', (match[2] ?? '').trim()] : [header, undefined];
}

function parsePropertyLine(doc: IniDocument, line: IniLine): void {
  if (line.section < 0) {
    line.kind = 'invalid';
    addDiagnostic(doc, 'error', line.number, 'property comes before any section header', 'move it under a [profile NAME] or [default] header');
    return;
  }
  const equals = line.text.indexOf('=');
  if (equals === -1) {
    line.kind = 'invalid';
    addDiagnostic(doc, 'error', line.number, "line has no '=' sign", 'write properties as key = value');
    return;
  }
  const key = line.text.slice(0, equals).trim();
  if (key === '') {
    line.kind = 'invalid';
    addDiagnostic(doc, 'error', line.number, "property has no name before '='", 'write properties as key = value');
    return;
  }
  line.kind = 'property';
  line.key = key;
  line.value = stripComment(line.text.slice(equals + 1), true).trim();
}

function parseIndentedLine(doc: IniDocument, line: IniLine): void {
  // Line content is never quoted in these messages: a broken line may hold a secret key.
  const owner = findOwningProperty(doc);

  if (owner === undefined) {
    line.kind = 'invalid';
    const message = line.section < 0 ? 'comes before any section' : 'does not follow a property';
    addDiagnostic(doc, 'error', line.number, `indented line ${message}`, 'remove the leading whitespace or move the line under a property');
    return;
  }
  line.property = owner;
  const parent = doc.lines[owner];
  if (parent?.value !== '') {
    line.kind = 'continuation';
    return;
  }
  line.kind = 'subproperty';
  const equals = line.text.indexOf('=');
  if (equals === -1 || line.text.slice(0, equals).trim() === '') {
    line.kind = 'invalid';
    addDiagnostic(doc, 'error', line.number, `sub-property under '${parent.key}' is not of the form key = value`, 'write sub-properties as indented key = value lines');
  }
}

/** Find the property that an indented line belongs to, skipping blank lines between them. */
function findOwningProperty(doc: IniDocument): number | undefined {
  for (let i = doc.lines.length - 2; i >= 0; i--) {
    const previous = doc.lines[i];
    if (previous === undefined || previous.kind === 'section' || previous.kind === 'invalid') {
      return undefined;
    }
    if (previous.kind === 'property') {
      return i;
    }
    if (previous.kind === 'continuation' || previous.kind === 'subproperty') {
      return previous.property;
    }
  }
  return undefined;
}

/**
 * Remove a trailing comment. In values a comment needs whitespace before `#` or `;`, so that
 * `value#x` keeps its `#`; after a section header any `#` or `;` starts a comment.
 */
function stripComment(text: string, needsSpace: boolean): string {
  for (let i = 0; i < text.length; i++) {
    const char = text[i];
    if (char !== '#' && char !== ';') {
      continue;
    }
    if (!needsSpace || (i > 0 && /\s/.test(text[i - 1] ?? ''))) {
      return text.slice(0, i);
    }
  }
  return text;
}

function addDiagnostic(doc: IniDocument, severity: DiagnosticSeverity, line: number, message: string, hint: string): void {
  doc.diagnostics.push({ severity, line, message, hint });
}

function quote(text: string): string {
  const short = text.length > 60 ? `${text.slice(0, 57)}...` : text;
  return `'${short}'`;
}
