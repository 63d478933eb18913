/**
 * Edits of a lossless document. Each edit replaces only the lines it changes and parses the
 * result again, so every other byte (comments, blank lines, order, spacing, sub-sections,
 * line endings, a missing final newline) stays as it was.
 */
import { findCommentStart } from './line.js';
import { parseIni, serializeIni, type IniDocument, type IniLine, type IniSection } from './parse.js';
import { assertProfileName, assertWritableProperty, IniEditError } from './writable.js';

export { assertWritableProperty, IniEditError, serializeIni };

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
  assertDistinctKeys(profile, entries);
  if (findProfileSection(doc, profile) === undefined) {
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
      current = replaceLines(current, index, findPropertyEnd(current, index), []);
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
  const end = findSectionContentEnd(doc, section);
  const before = doc.lines[start - 1];
  const after = doc.lines[end + 1];
  if (before?.kind === 'blank' && (after === undefined || after.kind === 'blank' || after.kind === 'section')) {
    start -= 1;
  }
  return replaceLines(doc, start, end, []);
}

/**
 * Find the one section that defines a profile. A profile defined twice in the same file is
 * rejected, because an edit to one copy would be hidden or merged by the other. So is the
 * default profile of a config file with both `[default]` and `[profile default]`: the SDKs
 * read only the second, the AWS CLI only the later one.
 */
export function findProfileSection(doc: IniDocument, profile: string): IniSection | undefined {
  const matches = doc.sections.filter((section) => section.kind === 'profile' && section.name === profile);
  const prefixed = matches.filter((section) => section.prefixedDefault);

  if (prefixed.length > 0 && prefixed.length < matches.length) {
    throw new IniEditError(`the default profile is defined as both [default] and [profile default] in the config file (lines ${formatLines(doc, matches)})`, {
      hint: 'merge them into one [default] section, then run the command again',
      profile,
    });
  }
  if (matches.length > 1) {
    throw new IniEditError(`profile '${profile}' is defined ${matches.length} times in the ${doc.kind} file (lines ${formatLines(doc, matches)})`, {
      hint: 'merge the sections into one, then run the command again',
      profile,
    });
  }
  return matches[0];
}

function formatLines(doc: IniDocument, sections: IniSection[]): string {
  return sections.map((section) => doc.lines[section.line]?.number ?? section.line + 1).join(', ');
}

function assertDistinctKeys(profile: string, entries: Array<[string, string]>): void {
  const seen = new Set<string>();
  for (const [key] of entries) {
    if (seen.has(key.toLowerCase())) {
      throw new IniEditError(`key '${key}' is given twice for profile '${profile}'`, { profile, key });
    }
    seen.add(key.toLowerCase());
  }
}

function setOne(doc: IniDocument, profile: string, key: string, value: string): IniDocument {
  const section = findProfileSection(doc, profile) as IniSection;
  const index = findKey(doc, section, key);

  if (index === undefined) {
    const at = findSectionContentEnd(doc, section) + 1;
    return replaceLines(doc, at, at - 1, [formatProperty(key, value)]);
  }
  const line = doc.lines[index] as IniLine;
  const end = findPropertyEnd(doc, index);
  if (line.value === value && end === index) {
    return doc;
  }
  return replaceLines(doc, index, end, rewriteProperty(line.text, value));
}

/**
 * Replace the value of `key = value`, keeping key spelling and spacing. A comment after the
 * old value moves to a line of its own above the property: the AWS CLI would read it as part
 * of the new value.
 */
function rewriteProperty(text: string, value: string): string[] {
  const equals = text.indexOf('=');
  const spacing = /^[ \t]*/.exec(text.slice(equals + 1))?.[0] || ' ';
  const comment = findCommentStart(text, true);
  const property = `${text.slice(0, equals + 1)}${value === '' ? '' : spacing}${value}`;

  return comment === -1 ? [property] : [text.slice(comment), property];
}

function findKey(doc: IniDocument, section: IniSection, key: string): number | undefined {
  const expectedKey = key.toLowerCase();
  const found: number[] = [];
  const end = findSectionContentEnd(doc, section);

  for (let i = section.line + 1; i <= end; i++) {
    const line = doc.lines[i] as IniLine;
    if (line.kind === 'property' && line.key?.toLowerCase() === expectedKey) {
      found.push(i);
    }
  }
  if (found.length > 1) {
    const numbers = found.map((i) => doc.lines[i]?.number).join(', ');
    throw new IniEditError(`key '${key}' appears ${found.length} times in [${section.header}] of the ${doc.kind} file (lines ${numbers})`, {
      hint: 'delete all but one of them, then run the command again',
      profile: section.name,
      key,
    });
  }
  return found[0];
}

/** Index of the last property, continuation or sub-property line of a section (or its header). */
function findSectionContentEnd(doc: IniDocument, section: IniSection): number {
  let end = section.line;
  for (let i = section.line + 1; i < doc.lines.length; i++) {
    const line = doc.lines[i] as IniLine;
    if (line.kind === 'section') {
      break;
    }
    if (line.kind !== 'blank' && line.kind !== 'comment') {
      end = i;
    }
  }
  return end;
}

/** Index of the last line that belongs to the property at `index` (its continuations). */
function findPropertyEnd(doc: IniDocument, index: number): number {
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

function formatProperty(key: string, value: string): string {
  return value === '' ? `${key} =` : `${key} = ${value}`;
}

function appendSection(doc: IniDocument, profile: string, entries: Array<[string, string]>): IniDocument {
  const texts = [`[${getSectionHeader(doc, profile)}]`, ...entries.map(([key, value]) => formatProperty(key, value))];
  const last = doc.lines[doc.lines.length - 1];

  if (last !== undefined && last.kind !== 'blank') {
    texts.unshift('');
  }
  return replaceLines(doc, doc.lines.length, doc.lines.length - 1, texts);
}

/**
 * Replace lines start..end (inclusive; end = start - 1 inserts) with new texts, then parse
 * again so that every index and diagnostic stays true. New lines use the file's own line
 * ending, and a file without a final newline keeps ending without one unless its new last
 * line is empty.
 */
function replaceLines(doc: IniDocument, start: number, end: number, texts: string[]): IniDocument {
  const eol = detectLineEnding(doc);
  const endsWithoutNewline = doc.lines.length > 0 && doc.lines[doc.lines.length - 1]?.eol === '';
  const lines = doc.lines.map((line) => ({ text: line.text, eol: line.eol === '' ? eol : line.eol }));

  lines.splice(start, end - start + 1, ...texts.map((text) => ({ text, eol })));
  const last = lines[lines.length - 1];
  // An empty last line without a line ending would vanish, so it keeps its ending.
  if (endsWithoutNewline && last !== undefined && last.text !== '') {
    last.eol = '';
  }
  const text = (doc.bom ? '\uFEFF' : '') + lines.map((line) => line.text + line.eol).join('');
  return parseIni(text, doc.kind);
}

function detectLineEnding(doc: IniDocument): string {
  return doc.lines.find((line) => line.eol !== '')?.eol ?? '\n';
}
