/**
 * Property test of the editor: thousands of random edits on generated files, each checked
 * twice. Byte check: every line outside the edited keys and sections is still there, in
 * order and unchanged, and every added line is one the edit asked for. Reader check: the
 * SDK-rule view and botocore (the AWS CLI's reader, run in one Python process for all
 * files) read the edited file as the unedited file plus exactly the requested change.
 *
 * Set AWSMFA_PROPERTY_SEED to replay a run; failures print the seed, file and step.
 */
import { spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import t from 'tap';
import { removeProperties, removeSection, setProperties } from '../../src/ini/edit.js';
import { findEditBlockers } from '../../src/ini/lint.js';
import { findCommentStart } from '../../src/ini/line.js';
import { parseIni, serializeIni, type FileKind, type IniDocument, type IniLine } from '../../src/ini/parse.js';
import { buildProfileView } from '../../src/ini/view.js';

const SEED = Number(process.env.AWSMFA_PROPERTY_SEED ?? 0x5eed1e55);
const BASE_FILES = 260;
const STEPS_PER_FILE = 12;
const WRITABLE_KEY = /^[A-Za-z0-9_-]+$/;

// ---------------------------------------------------------------- random numbers

/** mulberry32: a small seeded generator, so a failing run can be replayed. */
function createRandom(seed: number): () => number {
  let state = seed >>> 0;
  return () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let x = state;
    x = Math.imul(x ^ (x >>> 15), x | 1);
    x ^= x + Math.imul(x ^ (x >>> 7), x | 61);
    return ((x ^ (x >>> 14)) >>> 0) / 4294967296;
  };
}

const random = createRandom(SEED);
const chance = (p: number): boolean => random() < p;
const pick = <T>(items: readonly T[]): T => items[Math.floor(random() * items.length)] as T;
const between = (min: number, max: number): number => min + Math.floor(random() * (max - min + 1));

// ---------------------------------------------------------------- file generator

const PROFILE_NAMES = ['dev', 'prod', 'prod-admin', 'ci_bot', 'team.dev', 'org/team', 'me@corp', 'a:b', 'x+y%z', '__proto__', 'constructor', 'toString', 'default', 'sandbox', 'legacy', 'Audit'];
const KEYS = ['region', 'output', 'aws_access_key_id', 'aws_secret_access_key', 'aws_session_token', 'mfa_serial', 'role_arn', 'source_profile', 'duration_seconds', 'cli_pager', 'endpoint_url', 'x_custom-key', 'aws_session_expiry', 'invalid_as_of', 'sessmax'];
const SUB_KEYS = ['addressing_style', 'signature_version', 'endpoint_url', 'max_concurrent_requests', 'use_accelerate_endpoint'];
const VALUE_CHARS = 'abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789/+=:.,_@-';
const UNICODE = ['é', 'ü', 'ø', '😂', 'Ω', '中'];

function generateValue(): string {
  if (chance(0.04)) {
    return '';
  }
  let value = '';
  const length = between(1, 40);
  for (let i = 0; i < length; i++) {
    value += chance(0.03) ? pick(UNICODE) : pick([...VALUE_CHARS]);
  }
  if (chance(0.15)) {
    value = `${value}${pick(['#', ';'])}${pick(['x', 'tag', '1'])}`;
  }
  const characters = [...value];
  if (chance(0.1) && characters.length > 2) {
    value = `${characters[0]} ${characters.slice(1).join('')}`;
  }
  // A '#' or ';' after whitespace would start a comment, and awsmfa rejects such a value.
  return value.replace(/ ([#;])/g, ' x$1');
}

function generateComment(): string {
  const words = Array.from({ length: between(0, 6) }, () => pick(['team', 'keys', 'rotate', 'prod', 'do not edit', '[old]', 'x=1', 'note:']));
  return `${pick(['#', ';'])}${chance(0.8) ? ' ' : ''}${words.join(' ')}`;
}

function generateProperty(key: string): string[] {
  const spelling = chance(0.1) ? key.toUpperCase() : key;
  const separator = pick([' = ', '=', ' =', '= ', '\t=\t', '   =   ']);
  const value = generateValue();
  if (value === '') {
    return [`${spelling}${separator.trimEnd()}`];
  }
  const line = `${spelling}${separator}${value}`;
  const lines = [chance(0.12) ? `${line}${pick([' ', '\t', '  '])}${generateComment()}` : line];
  if (chance(0.05)) {
    lines.push(`${pick(['  ', '\t'])}continued-${between(1, 9)}`);
  }
  return lines;
}

function generateSubBlock(key: string): string[] {
  const indent = pick(['  ', '    ', '\t']);
  const lines = [`${key} =`];
  const keys = [...SUB_KEYS].sort(() => random() - 0.5).slice(0, between(1, 3));
  for (const subKey of keys) {
    if (chance(0.15)) {
      lines.push(chance(0.5) ? '' : generateComment());
    }
    lines.push(`${indent}${subKey} = ${pick(['path', 's3v4', 'http://127.0.0.1:4566', '10', 'true'])}`);
  }
  return lines;
}

/** Generate a section body from items: a property with its continuation, a comment, a sub-property block. */
function generateSectionBody(): string[] {
  const items: string[][] = [];
  const keys = [...KEYS].sort(() => random() - 0.5).slice(0, between(0, 6));
  for (const key of keys) {
    if (chance(0.15)) {
      items.push([chance(0.5) ? '' : generateComment()]);
    }
    items.push(generateProperty(key));
  }
  if (chance(0.3)) {
    items.splice(between(0, items.length), 0, generateSubBlock(pick(['s3', 'dynamodb', 'sts'])));
  }
  return items.flat();
}

function generateHeader(kind: FileKind, name: string): string {
  const comment = chance(0.1) ? ` ${generateComment().replaceAll(']', ')')}` : '';
  if (kind === 'credentials') {
    return `[${name}]${comment}`;
  }
  if (name === 'default') {
    return `${pick(['[default]', '[ default ]'])}${comment}`;
  }
  return `${pick([`[profile ${name}]`, `[profile  ${name}]`, `[profile\t${name}]`, `[ profile ${name} ]`])}${comment}`;
}

function generateFile(kind: FileKind): string {
  const lines: string[] = [];
  for (let i = between(0, 3); i > 0; i--) {
    lines.push(chance(0.3) ? '' : generateComment());
  }
  const names = [...PROFILE_NAMES].sort(() => random() - 0.5).slice(0, between(1, 8));
  for (const name of names) {
    lines.push(generateHeader(kind, name), ...generateSectionBody());
    if (chance(0.6)) {
      lines.push(pick(['', ' ', '\t ', '']));
    }
  }
  if (kind === 'config' && chance(0.4)) {
    lines.push('[sso-session corp]', 'sso_start_url = https://example.awsapps.com/start', 'sso_region = us-east-1', 'sso_registration_scopes = sso:account:access', '');
  }
  if (kind === 'config' && chance(0.3)) {
    lines.push('[services local]', 's3 =', '  endpoint_url = http://127.0.0.1:4566', 'sts =', '  endpoint_url = http://127.0.0.1:4566');
  }
  if (kind === 'config' && chance(0.1)) {
    lines.push('[preview]', 'cloudfront = true');
  }
  const eol = chance(0.25) ? '\r\n' : '\n';
  return lines.join(eol) + (chance(0.25) ? '' : eol);
}

/** Files shaped like real ones, written by hand. */
const TEMPLATES: Array<[FileKind, string]> = [
  [
    'config',
    '# ~/.aws/config\n[default]\nregion = us-east-1\noutput = json\ncli_pager =\n\n[profile dev]\nregion = eu-west-1 ; nearest region\nmfa_serial = arn:aws:iam::123456789012:mfa/dev\ns3 =\n    addressing_style = path\n    signature_version = s3v4\n\n[profile admin]\nrole_arn = arn:aws:iam::123456789012:role/Admin\nsource_profile = dev\n\n[sso-session corp]\nsso_start_url = https://example.awsapps.com/start\nsso_region = us-east-1\n\n[profile sso-dev]\nsso_session = corp\nsso_account_id = 123456789012\nsso_role_name = ReadOnly\n\n[services local]\ns3 =\n  endpoint_url = http://127.0.0.1:4566\n',
  ],
  [
    'credentials',
    '; keys, rotated every 90 days\r\n[default]\r\naws_access_key_id = AKIAIOSFODNN7EXAMPLE\r\naws_secret_access_key = wJalrXUtnFEMI/K7MDENG/bPxRfiCYEXAMPLEKEY\r\n\r\n[dev]\r\naws_access_key_id=AKIAI44QH8DHBEXAMPLE\r\naws_secret_access_key=je7MtGbClwBF/2Zp9Utk/h3yCo8nvbEXAMPLEKEY\r\n\r\n[dev-mfasession]\r\naws_access_key_id = ASIAIOSFODNN7EXAMPLE\r\naws_secret_access_key = mockSessionSecretEXAMPLE\r\naws_session_token = mockSessionTokenEXAMPLE\r\naws_session_expiry = 1700000000',
  ],
  ['config', '[profile only]\nregion = ap-south-1'],
  ['credentials', ''],
];

// ---------------------------------------------------------------- operations

type Operation =
  | { type: 'set'; profile: string; entries: Array<[string, string]> }
  | { type: 'remove-key'; profile: string; key: string }
  | { type: 'remove-section'; profile: string };

interface ProfileSlot {
  name: string;
  header: number;
  keys: Array<{ key: string; line: number }>;
}

function listProfiles(doc: IniDocument): ProfileSlot[] {
  return doc.sections
    .filter((section) => section.kind === 'profile')
    .map((section) => ({
      name: section.name,
      header: section.line,
      keys: doc.lines.flatMap((line, index) => (line.kind === 'property' && line.section === doc.sections.indexOf(section) ? [{ key: line.key ?? '', line: index }] : [])),
    }));
}

function chooseOperation(doc: IniDocument): Operation {
  const profiles = listProfiles(doc);
  const roll = random();
  const target = profiles.length > 0 ? pick(profiles) : undefined;
  const writable = target?.keys.filter((entry) => WRITABLE_KEY.test(entry.key)) ?? [];

  if (target !== undefined && writable.length > 0 && roll < 0.35) {
    return { type: 'set', profile: target.name, entries: [[pick(writable).key, generateValue()]] };
  }
  if (target !== undefined && roll < 0.55) {
    const fresh = KEYS.filter((key) => !target.keys.some((entry) => entry.key.toLowerCase() === key));
    return { type: 'set', profile: target.name, entries: [[pick(fresh.length > 0 ? fresh : ['extra_key']), generateValue()]] };
  }
  if (target !== undefined && writable.length > 0 && roll < 0.7) {
    return { type: 'remove-key', profile: target.name, key: pick(writable).key };
  }
  if (target !== undefined && roll < 0.78) {
    return { type: 'remove-section', profile: target.name };
  }
  if (target !== undefined && writable.length > 0 && roll < 0.88) {
    const fresh = KEYS.find((key) => !target.keys.some((entry) => entry.key.toLowerCase() === key)) ?? 'extra_key';
    const existing = pick(writable).key;
    return { type: 'set', profile: target.name, entries: [[existing, generateValue()], [fresh, generateValue()]] };
  }
  const usedNames = new Set(profiles.map((profile) => profile.name));
  const name = [...PROFILE_NAMES, 'p1', 'p2', 'p3', 'p4'].find((candidate) => !usedNames.has(candidate)) ?? `p${between(10, 99999)}`;
  const keys = [...KEYS].sort(() => random() - 0.5).slice(0, between(1, 5));
  return { type: 'set', profile: name, entries: keys.map((key) => [key, generateValue()]) };
}

function applyOperation(doc: IniDocument, operation: Operation): IniDocument {
  if (operation.type === 'set') {
    return setProperties(doc, operation.profile, operation.entries);
  }
  if (operation.type === 'remove-key') {
    return removeProperties(doc, operation.profile, [operation.key]);
  }
  return removeSection(doc, operation.profile);
}

// ---------------------------------------------------------------- byte check

function findPropertyLines(doc: IniDocument, index: number): number[] {
  const owned = [index];
  for (let i = index + 1; i < doc.lines.length; i++) {
    const line = doc.lines[i] as IniLine;
    if ((line.kind === 'continuation' || line.kind === 'subproperty') && line.property === index) {
      owned.push(...range(owned[owned.length - 1] as number, i).slice(1));
    } else if (line.kind !== 'blank' && line.kind !== 'comment') {
      break;
    }
  }
  return owned;
}

function range(from: number, to: number): number[] {
  return Array.from({ length: to - from + 1 }, (_, i) => from + i);
}

function findSectionLines(doc: IniDocument, profile: string): number[] {
  const section = doc.sections.find((entry) => entry.kind === 'profile' && entry.name === profile);
  if (section === undefined) {
    return [];
  }
  let end = section.line;
  for (let i = section.line + 1; i < doc.lines.length && doc.lines[i]?.kind !== 'section'; i++) {
    if (doc.lines[i]?.kind !== 'blank' && doc.lines[i]?.kind !== 'comment') {
      end = i;
    }
  }
  const before = doc.lines[section.line - 1]?.kind === 'blank' ? [section.line - 1] : [];
  return [...before, ...range(section.line, end)];
}

function findKeyIndex(doc: IniDocument, profile: string, key: string): number | undefined {
  const sectionIndex = doc.sections.findIndex((entry) => entry.kind === 'profile' && entry.name === profile);
  const index = doc.lines.findIndex((line) => line.section === sectionIndex && line.kind === 'property' && line.key?.toLowerCase() === key.toLowerCase());
  return index === -1 ? undefined : index;
}

interface Expectation {
  owned: Set<number>;
  /** Lines the edit may keep or remove: the blank line before a removed section. */
  optional: Set<number>;
  movedComments: string[];
  header: string | undefined;
}

function describeExpectation(before: IniDocument, operation: Operation): Expectation {
  const expectation: Expectation = { owned: new Set(), optional: new Set(), movedComments: [], header: undefined };
  if (operation.type === 'remove-section') {
    const [first, ...rest] = findSectionLines(before, operation.profile);
    if (first !== undefined) {
      (before.lines[first]?.kind === 'blank' ? expectation.optional : expectation.owned).add(first);
    }
    rest.forEach((index) => expectation.owned.add(index));
    return expectation;
  }
  const keys = operation.type === 'remove-key' ? [operation.key] : operation.entries.map(([key]) => key);
  for (const key of keys) {
    const index = findKeyIndex(before, operation.profile, key);
    if (index === undefined) {
      continue;
    }
    findPropertyLines(before, index).forEach((owned) => expectation.owned.add(owned));
    const text = before.lines[index]?.text ?? '';
    const comment = findCommentStart(text, true);
    if (comment !== -1) {
      expectation.movedComments.push(text.slice(comment));
    }
  }
  const exists = before.sections.some((entry) => entry.kind === 'profile' && entry.name === operation.profile);
  if (operation.type === 'set' && !exists) {
    expectation.header = before.kind === 'config' && operation.profile !== 'default' ? `[profile ${operation.profile}]` : `[${operation.profile}]`;
  }
  return expectation;
}

/** Problems with the bytes of `after`, or an empty list. */
function checkBytes(before: IniDocument, after: IniDocument, operation: Operation): string[] {
  const expectation = describeExpectation(before, operation);
  const eol = before.lines.find((line) => line.eol !== '')?.eol ?? '\n';
  const hadFinalNewline = before.lines.length === 0 || before.lines[before.lines.length - 1]?.eol !== '';
  const keptLines = before.lines.map((line, index) => ({ line, index })).filter(({ index }) => !expectation.owned.has(index));
  const extras: IniLine[] = [];
  let next = 0;

  after.lines.forEach((line, position) => {
    const isLast = position === after.lines.length - 1;
    const matches = (candidate: (typeof keptLines)[number] | undefined): boolean =>
      candidate !== undefined && line.text === candidate.line.text && isSameEnding(candidate.line.eol, line.eol, eol, isLast, hadFinalNewline);
    for (;;) {
      const candidate = keptLines[next];
      const optional = candidate !== undefined && expectation.optional.has(candidate.index);
      // An optional line gives way when the line after it matches too: both are blank lines.
      if (matches(candidate) && !(optional && matches(keptLines[next + 1]))) {
        next++;
        return;
      }
      if (!optional) {
        extras.push(line);
        return;
      }
      next++;
    }
  });
  while (keptLines[next] !== undefined && expectation.optional.has(keptLines[next]?.index as number)) {
    next++;
  }

  const problems: string[] = [];
  if (next !== keptLines.length) {
    problems.push(`line ${keptLines[next]?.line.number} of the original is missing or changed: ${JSON.stringify(keptLines[next]?.line.text)}`);
  }
  problems.push(...checkExtras(extras, after, operation, expectation, eol, hadFinalNewline));
  const last = after.lines[after.lines.length - 1];
  if (last !== undefined && last.text !== '' && before.lines.length > 0 && hadFinalNewline !== (last.eol !== '')) {
    problems.push('the final newline changed');
  }
  return problems;
}

function isSameEnding(original: string, now: string, eol: string, isLast: boolean, hadFinalNewline: boolean): boolean {
  if (original === now) {
    return true;
  }
  // The old last line gains a line ending when text is appended after it, and a line that
  // becomes last loses it when the file had no final newline.
  return (original === '' && now === eol) || (isLast && !hadFinalNewline && now === '');
}

function checkExtras(extras: IniLine[], after: IniDocument, operation: Operation, expectation: Expectation, eol: string, hadFinalNewline: boolean): string[] {
  const problems: string[] = [];
  const expectedValues = new Map((operation.type === 'set' ? operation.entries : []).map(([key, value]) => [key.toLowerCase(), value]));
  const seenKeys = new Set<string>();
  const comments = [...expectation.movedComments];
  let headers = 0;
  let blanks = 0;

  for (const line of extras) {
    const isLast = line === after.lines[after.lines.length - 1];
    if (line.eol !== eol && !(isLast && !hadFinalNewline && line.eol === '')) {
      problems.push(`added line ${line.number} ends with ${JSON.stringify(line.eol)}, the file uses ${JSON.stringify(eol)}`);
    }
    const key = line.key?.toLowerCase();
    if (line.kind === 'property' && key !== undefined && expectedValues.get(key) === line.value && !seenKeys.has(key)) {
      seenKeys.add(key);
    } else if (line.kind === 'comment' && comments.includes(line.text)) {
      comments.splice(comments.indexOf(line.text), 1);
    } else if (line.kind === 'section' && line.text === expectation.header) {
      headers++;
    } else if (line.kind === 'blank' && expectation.header !== undefined && line.text === '') {
      blanks++;
    } else {
      problems.push(`unexpected added line ${line.number}: ${JSON.stringify(line.text)}`);
    }
  }
  if (seenKeys.size !== expectedValues.size) {
    problems.push(`expected ${expectedValues.size} written keys, found ${seenKeys.size}`);
  }
  if (headers !== (expectation.header === undefined ? 0 : 1) || blanks > 1) {
    problems.push(`expected ${expectation.header === undefined ? 'no' : 'one'} new header and at most one blank line, found ${headers} and ${blanks}`);
  }
  return problems;
}

// ---------------------------------------------------------------- reader checks

type Table = Record<string, Record<string, unknown>>;

function setOwn(target: Record<string, unknown>, key: string, value: unknown): void {
  Object.defineProperty(target, key, { value, enumerable: true, writable: true, configurable: true });
}

function readView(doc: IniDocument): Table {
  const empty = parseIni('', doc.kind === 'config' ? 'credentials' : 'config');
  const view = doc.kind === 'config' ? buildProfileView(doc, empty) : buildProfileView(empty, doc);
  const table: Table = {};
  for (const [name, properties] of view.profiles) {
    const entry: Record<string, unknown> = {};
    for (const [key, value] of properties) {
      setOwn(entry, key, value);
    }
    setOwn(table, name, entry);
  }
  return table;
}

/** Find the section name that Python's configparser reads from a header: the text between `[` and the last `]`. */
function getPythonSection(doc: IniDocument, profile: string): string {
  const section = doc.sections.find((entry) => entry.kind === 'profile' && entry.name === profile);
  if (section === undefined) {
    return doc.kind === 'config' && profile !== 'default' ? `profile ${profile}` : profile;
  }
  const text = doc.lines[section.line]?.text.trim() ?? '';
  return /^\[(.+)\]/.exec(text)?.[1] ?? '';
}

/** Apply an operation to a table of sections (a view, or botocore's raw sections). */
function expectTable(table: Table, section: string, operation: Operation): Table {
  const result = JSON.parse(JSON.stringify(table)) as Table;
  if (operation.type === 'remove-section') {
    delete result[section];
    return result;
  }
  if (!Object.hasOwn(result, section)) {
    setOwn(result, section, {});
  }
  const entry = result[section] as Record<string, unknown>;
  if (operation.type === 'remove-key') {
    delete entry[operation.key.toLowerCase()];
    return result;
  }
  for (const [key, value] of operation.entries) {
    setOwn(entry, key.toLowerCase(), value);
  }
  return result;
}

function canonical(value: unknown): string {
  if (value === null || typeof value !== 'object') {
    return JSON.stringify(value);
  }
  const entries = Object.keys(value as object).sort().map((key) => `${JSON.stringify(key)}:${canonical((value as Record<string, unknown>)[key])}`);
  return `{${entries.join(',')}}`;
}

const BOTOCORE_READER = `
import json, sys
import botocore.configloader as loader
results = []
for path in json.load(sys.stdin):
    try:
        results.append({"ok": loader.raw_config_parse(path)})
    except Exception as error:
        results.append({"error": type(error).__name__ + ": " + str(error)})
json.dump(results, sys.stdout)
`;

function findPython(): string {
  const root = spawnSync('pyenv', ['root'], { encoding: 'utf8' });
  const shim = root.status === 0 ? join(root.stdout.trim(), 'shims', 'python3') : '';
  return shim !== '' && existsSync(shim) ? shim : 'python3';
}

function readWithBotocore(paths: string[]): Array<{ ok?: Table; error?: string }> {
  const result = spawnSync(findPython(), ['-c', BOTOCORE_READER], {
    input: JSON.stringify(paths),
    encoding: 'utf8',
    maxBuffer: 512 * 1024 * 1024,
    env: { ...process.env, PYTHONUTF8: '1' },
  });
  if (result.status !== 0) {
    throw new Error(`botocore reader failed (python ${findPython()}, exit ${result.status}): ${result.stderr || result.error?.message}`);
  }
  return JSON.parse(result.stdout) as Array<{ ok?: Table; error?: string }>;
}

// ---------------------------------------------------------------- the run

interface Step {
  label: string;
  kind: FileKind;
  before: number;
  after: number;
  section: string;
  operation: Operation;
}

const folder = mkdtempSync(join(tmpdir(), 'awsmfa-property-'));
t.teardown(() => rmSync(folder, { recursive: true, force: true }));
const texts: string[] = [];
const steps: Step[] = [];
const failures: string[] = [];

function addText(text: string): number {
  texts.push(text);
  return texts.length - 1;
}

const started = Date.now();
for (let file = 0; file < BASE_FILES; file++) {
  const [kind, text] = file < TEMPLATES.length ? (TEMPLATES[file] as [FileKind, string]) : [pick(['config', 'credentials'] as const), ''];
  const initial = file < TEMPLATES.length ? text : generateFile(kind);
  let doc = parseIni(initial, kind);
  let index = addText(initial);
  if (findEditBlockers(doc).length > 0) {
    failures.push(`seed ${SEED} file ${file}: the generator made an unsafe file: ${findEditBlockers(doc)[0]?.message}`);
    continue;
  }
  for (let step = 0; step < STEPS_PER_FILE; step++) {
    const operation = chooseOperation(doc);
    const label = `seed ${SEED} file ${file} step ${step} ${JSON.stringify(operation)}`;
    const after = applyOperation(doc, operation);
    const problems = checkBytes(doc, after, operation);
    const section = getPythonSection(doc, operation.profile);
    if (canonical(readView(after)) !== canonical(expectTable(readView(doc), operation.profile, operation))) {
      problems.push('the SDK-rule view does not show exactly the requested change');
    }
    if (findEditBlockers(after).length > 0) {
      problems.push(`the result is unsafe: ${findEditBlockers(after)[0]?.message}`);
    }
    failures.push(...problems.map((problem) => `${label}: ${problem}\n--- before\n${serializeIni(doc)}\n--- after\n${serializeIni(after)}`));
    const afterIndex = addText(serializeIni(after));
    steps.push({ label, kind, before: index, after: afterIndex, section, operation });
    doc = after;
    index = afterIndex;
  }
}
const editSeconds = (Date.now() - started) / 1000;
if (process.env.AWSMFA_PROPERTY_DUMP) {
  writeFileSync(process.env.AWSMFA_PROPERTY_DUMP, failures.join('\n=====\n'));
}

t.test('edits keep every other byte', async (t) => {
  t.ok(steps.length >= 3000, `ran ${steps.length} edits on ${BASE_FILES} files in ${editSeconds.toFixed(1)} s (seed ${SEED})`);
  t.same(failures.slice(0, 3), [], 'no edit changed a byte outside its lines or the SDK-rule view');
});

t.test('botocore reads every edit as intended', async (t) => {
  const paths = texts.map((text, i) => {
    const path = join(folder, `file-${i}.ini`);
    writeFileSync(path, text);
    return path;
  });
  const parsed = readWithBotocore(paths);
  const mismatches: string[] = [];

  for (const step of steps) {
    const before = parsed[step.before];
    const after = parsed[step.after];
    if (before?.ok === undefined || after?.ok === undefined) {
      mismatches.push(`${step.label}: botocore cannot read the file: ${before?.error ?? after?.error}`);
      continue;
    }
    const expected = expectTable(before.ok, step.section, step.operation);
    if (canonical(expected) !== canonical(after.ok)) {
      mismatches.push(`${step.label}: botocore read ${canonical(after.ok[step.section])}, expected ${canonical(expected[step.section])}\n--- after\n${texts[step.after]}`);
    }
  }
  t.equal(parsed.length, texts.length, `botocore read ${texts.length} files in one process`);
  t.same(mismatches.slice(0, 3), [], 'botocore sees exactly the requested change after every edit');
});
