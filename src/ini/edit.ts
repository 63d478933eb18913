import { AwsmfaError } from '../errors.js';
import { isValidProfileName, parseIni, serializeIni, type IniDocument, type IniLine, type IniSection } from './parse.js';

/** An edit that cannot be made without losing or changing what another reader sees. */
export class IniEditError extends AwsmfaError {}

/** Section header text for a profile: `profile NAME` in config (except default), NAME in credentials. */
export function getSectionHeader(doc: IniDocument, profile: string): string {
  return doc.kind === 'config' && profile !== 'default' ? `profile ${profile}` : profile;
}

/** Set keys of a profile's section, creating the section at the end of the file when missing. */
export function setProperties(doc: IniDocument, profile: string, entries: Array<[string, string]>): IniDocument {
  assertProfileName(profile);
  for (const [key, value] of entries) {
    assertWritableProperty(key, value);
  }
  const section = findProfileSection(doc, profile);
  if (section === undefined) {
    return appendSection(doc, profile, entries);
  }
  let current = doc;
  for (const [key, value] of entries) {
    current = setOne(current, profile, key, value);
  }
  return current;
}

/** Remove keys (and their continuation lines) from a profile's section; absent keys are ignored. */
export function removeProperties(doc: IniDocument, profile: string, keys: string[]): IniDocument {
  let current = doc;
  for (const key of keys) {
    const section = findProfileSection(current, profile);
    const index = section === undefined ? undefined : findKey(current, section, key);
    if (index !== undefined) {
      current = replaceLines(current, index, propertyEnd(current, index), []);
    }
  }
  return current;
}

/** Remove a profile's section with its header, properties and sub-properties. */
export function removeSection(doc: IniDocument, profile: string): IniDocument {
  const section = findProfileSection(doc, profile);
  if (section === undefined) {
    return doc;
  }
  let start = section.line;
  const end = sectionContentEnd(doc, section);
  const before = doc.lines[start - 1];
  const after = doc.lines[end + 1];
  if (before?.kind === 'blank' && (after === undefined || after.kind === 'blank' || after.kind === 'section')) {
    start -= 1;
  }
  return replaceLines(doc, start, end, []);
}

/**
 * Find the one section that defines a profile. A profile defined twice in the same file is
 * rejected, because an edit to one copy would be hidden or merged by the other.
 */
export function findProfileSection(doc: IniDocument, profile: string): IniSection | undefined {
  const matches = doc.sections.filter((section) => section.kind === 'profile' && section.name === profile);
  const preferred = matches.some((s) => s.prefixedDefault) ? matches.filter((s) => s.prefixedDefault) : matches;

  if (preferred.length > 1) {
    const lines = preferred.map((s) => (doc.lines[s.line]?.number ?? 0).toString()).join(', ');
    throw new IniEditError(`profile '${profile}' is defined ${preferred.length} times in the ${doc.kind} file (lines ${lines})`, {
      hint: 'merge the sections into one, then run the command again',
    });
  }
  return preferred[0];
}

function setOne(doc: IniDocument, profile: string, key: string, value: string): IniDocument {
  const section = findProfileSection(doc, profile) as IniSection;
  const index = findKey(doc, section, key);

  if (index === undefined) {
    const at = sectionContentEnd(doc, section) + 1;
    return replaceLines(doc, at, at - 1, [`${key} = ${value}`]);
  }
  const line = doc.lines[index] as IniLine;
  return replaceLines(doc, index, propertyEnd(doc, index), [rewriteValue(line.text, value)]);
}

/** Replace the value of `key = value # comment`, keeping key spelling, spacing and comment. */
function rewriteValue(text: string, value: string): string {
  const equals = text.indexOf('=');
  const afterEquals = text.slice(equals + 1);
  const spacing = /^[ \t]*/.exec(afterEquals)?.[0] || ' ';
  const comment = /[ \t]+[#;].*$/.exec(afterEquals.slice(spacing.length))?.[0] ?? '';
  return `${text.slice(0, equals + 1)}${value === '' ? '' : spacing}${value}${comment}`;
}

function findKey(doc: IniDocument, section: IniSection, key: string): number | undefined {
  const wanted = key.toLowerCase();
  const found: number[] = [];
  const end = sectionContentEnd(doc, section);

  for (let i = section.line + 1; i <= end; i++) {
    const line = doc.lines[i] as IniLine;
    if (line.kind === 'property' && line.key?.toLowerCase() === wanted) {
      found.push(i);
    }
  }
  if (found.length > 1) {
    const numbers = found.map((i) => doc.lines[i]?.number).join(', ');
    throw new IniEditError(`key '${key}' appears ${found.length} times in [${section.header}] of the ${doc.kind} file (lines ${numbers})`, {
      hint: 'delete all but one of them, then run the command again',
    });
  }
  return found[0];
}

/** Index of the last property, continuation or sub-property line of a section (or its header). */
function sectionContentEnd(doc: IniDocument, section: IniSection): number {
  let end = section.line;
  for (let i = section.line + 1; i < doc.lines.length; i++) {
    const line = doc.lines[i] as IniLine;
    if (line.kind === 'section') {
      break;
    }
    if (line.kind === 'property' || line.kind === 'continuation' || line.kind === 'subproperty' || line.kind === 'invalid') {
      end = i;
    }
  }
  return end;
}

/** Index of the last line that belongs to the property at `index` (its continuations). */
function propertyEnd(doc: IniDocument, index: number): number {
  let end = index;
  for (let i = index + 1; i < doc.lines.length; i++) {
    const line = doc.lines[i] as IniLine;
    if ((line.kind === 'continuation' || line.kind === 'subproperty') && line.property === index) {
      end = i;
    } else if (line.kind !== 'blank' && line.kind !== 'comment') {
      break;
    }
  }
  return end;
}

function appendSection(doc: IniDocument, profile: string, entries: Array<[string, string]>): IniDocument {
  const texts = [`[${getSectionHeader(doc, profile)}]`, ...entries.map(([key, value]) => `${key} = ${value}`)];
  const last = doc.lines[doc.lines.length - 1];

  if (last !== undefined && last.kind !== 'blank') {
    texts.unshift('');
  }
  return replaceLines(doc, doc.lines.length, doc.lines.length - 1, texts);
}

/**
 * Replace lines start..end (inclusive; end = start - 1 inserts) with new texts, then parse
 * again so that every index and diagnostic stays true. New lines use the file's own line
 * ending, and a file without a final newline keeps ending without one.
 */
function replaceLines(doc: IniDocument, start: number, end: number, texts: string[]): IniDocument {
  const eol = detectLineEnding(doc);
  const endsWithoutNewline = doc.lines.length > 0 && doc.lines[doc.lines.length - 1]?.eol === '';
  const lines = doc.lines.map((line) => ({ text: line.text, eol: line.eol === '' ? eol : line.eol }));

  lines.splice(start, end - start + 1, ...texts.map((text) => ({ text, eol })));
  const last = lines[lines.length - 1];
  if (endsWithoutNewline && last !== undefined) {
    last.eol = '';
  }
  const text = (doc.bom ? '\uFEFF' : '') + lines.map((line) => line.text + line.eol).join('');
  return parseIni(text, doc.kind);
}

function detectLineEnding(doc: IniDocument): string {
  return doc.lines.find((line) => line.eol !== '')?.eol ?? '\n';
}

function assertProfileName(profile: string): void {
  if (!isValidProfileName(profile)) {
    throw new IniEditError(`profile name '${profile}' cannot be written to an AWS file`, {
      hint: 'use letters, digits and - _ . / % @ : + only',
    });
  }
}

/**
 * Reject a key or value that a reader would parse differently from what was meant: a line
 * break, leading or trailing whitespace, or a `#`/`;` after whitespace (read as a comment).
 * The value is never quoted in the message because it may be a secret.
 */
export function assertWritableProperty(key: string, value: string): void {
  if (!/^[A-Za-z0-9\-_]+$/.test(key)) {
    throw new IniEditError(`property name '${key}' cannot be written: use letters, digits, - and _ only`);
  }
  const problem = findValueProblem(value);
  if (problem !== undefined) {
    throw new IniEditError(`value for '${key}' cannot be written safely: it ${problem}`, {
      hint: 'AWS config readers would read a different value; remove that part of the value',
    });
  }
}

function findValueProblem(value: string): string | undefined {
  if (/[\r\n]/.test(value)) {
    return 'contains a line break';
  }
  if (value !== value.trim()) {
    return 'starts or ends with whitespace';
  }
  if (/\s[#;]/.test(value)) {
    return "contains '#' or ';' after whitespace, which starts a comment";
  }
  if (value.includes('\0')) {
    return 'contains a NUL byte';
  }
  return undefined;
}

export { serializeIni };
