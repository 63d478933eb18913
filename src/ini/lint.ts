/**
 * Checks of one parsed file for content that parses but that readers ignore, read
 * differently, or reject. They find repeated sections and keys, headers in the wrong form
 * for the file, and settings in the wrong file. Line-shape checks live in lint-lines.ts.
 */
import { createDiagnostic, isEditBlocking, quoteKey, type IniDiagnostic } from './diagnostics.js';
import { findLineProblems } from './lint-lines.js';
import { isValidPropertyName, type IniDocument, type IniLine, type IniSection } from './parse.js';

/**
 * Settings that belong in the config file. The AWS CLI (botocore 1.43) and the SDKs that
 * merge both files also read them from the credentials file. Tools that take only keys from
 * that file ignore them there, for example the Go SDK v1 unless AWS_SDK_LOAD_CONFIG is set.
 */
export const CONFIG_ONLY_KEYS: ReadonlySet<string> = new Set([
  'region',
  'output',
  'mfa_serial',
  'mfa_process',
  'role_arn',
  'source_profile',
  'credential_source',
  'external_id',
  'role_session_name',
  'duration_seconds',
  'web_identity_token_file',
  'credential_process',
  'sso_session',
  'sso_start_url',
  'sso_region',
  'sso_account_id',
  'sso_role_name',
  'sso_registration_scopes',
  'services',
  'endpoint_url',
  'ca_bundle',
  'max_attempts',
  'retry_mode',
  'parameter_validation',
  's3',
  'sts_regional_endpoints',
  'use_fips_endpoint',
  'use_dualstack_endpoint',
  'cli_pager',
  'cli_auto_prompt',
  'cli_binary_format',
  'cli_timestamp_format',
]);

/** Sections that the AWS CLI keeps in the config file without the `profile` prefix. */
const CLI_SECTIONS: ReadonlySet<string> = new Set(['preview', 'plugins']);

/** List every problem of one file (parse errors and the checks below) in line order. */
export function lintDocument(doc: IniDocument): IniDiagnostic[] {
  const found = [
    ...doc.diagnostics,
    ...findDuplicateSections(doc),
    ...findDuplicateKeys(doc),
    ...findIgnoredSections(doc),
    ...findIgnoredKeys(doc),
    ...findDefaultConflict(doc),
    ...findConfigOnlyKeys(doc),
    ...findLineProblems(doc),
  ];
  return found.sort((a, b) => a.line - b.line);
}

/** List the problems that make awsmfa reject writes to this file. */
export function findEditBlockers(doc: IniDocument): IniDiagnostic[] {
  return lintDocument(doc).filter(isEditBlocking);
}

function findDuplicateSections(doc: IniDocument): IniDiagnostic[] {
  const firstLine = new Map<string, number>();
  const found: IniDiagnostic[] = [];

  for (const section of doc.sections) {
    const identity = getSectionIdentity(section);
    const line = lineNumber(doc, section.line);
    const first = firstLine.get(identity);
    if (first === undefined) {
      firstLine.set(identity, line);
      continue;
    }
    found.push(
      createDiagnostic('duplicate-section', 'error', line, `section [${section.header}] repeats the section at line ${first}`, 'merge the two sections into one: the AWS CLI cannot read a file with a repeated section'),
    );
  }
  return found;
}

/** Return a key that is equal for sections that readers treat as one: same kind and name. */
function getSectionIdentity(section: IniSection): string {
  if (section.kind === 'ignored') {
    return `ignored:${section.header}`;
  }
  return `${section.kind}:${section.prefixedDefault ? 'prefixed:' : ''}${section.name}`;
}

function findDuplicateKeys(doc: IniDocument): IniDiagnostic[] {
  const found: IniDiagnostic[] = [];
  let seen = new Map<string, number>();

  for (const line of doc.lines) {
    if (line.kind === 'section') {
      seen = new Map();
    }
    if (line.kind !== 'property' || line.key === undefined) {
      continue;
    }
    const key = line.key.toLowerCase();
    const first = seen.get(key);
    if (first === undefined) {
      seen.set(key, line.number);
      continue;
    }
    const header = doc.sections[line.section]?.header ?? '';
    found.push(
      createDiagnostic('duplicate-key', 'error', line.number, `key '${quoteKey(line.key)}' appears again in [${header}] (first at line ${first})`, 'keep one of the two lines: the AWS CLI cannot read a file with a repeated key'),
    );
  }
  return found;
}

function findIgnoredSections(doc: IniDocument): IniDiagnostic[] {
  const found: IniDiagnostic[] = [];

  for (const section of doc.sections) {
    if (section.kind !== 'ignored' || (doc.kind === 'config' && CLI_SECTIONS.has(section.header))) {
      continue;
    }
    found.push(describeIgnoredSection(doc, section));
  }
  return found;
}

function describeIgnoredSection(doc: IniDocument, section: IniSection): IniDiagnostic {
  const line = lineNumber(doc, section.line);
  const header = section.header;

  if (doc.kind === 'credentials' && section.profilePrefix) {
    return createDiagnostic('profile-prefix-in-credentials', 'error', line, `[${header}] is ignored: the credentials file names profiles without the 'profile' prefix`, `rename the header to [${section.name}]`);
  }
  if (doc.kind === 'credentials' && /^(sso-session|services)[ \t]/.test(header)) {
    return createDiagnostic('ignored-section', 'warning', line, `[${header}] is ignored in the credentials file`, 'move the section to the config file');
  }
  if (doc.kind === 'config' && !/[ \t]/.test(header) && isValidPropertyName(header)) {
    return createDiagnostic('ignored-section', 'warning', line, `[${header}] is ignored: in the config file a profile needs the header [profile ${header}]`, `rename the header to [profile ${header}]`);
  }
  return createDiagnostic('ignored-section', 'warning', line, `[${header}] is ignored: '${section.name}' is not a valid name`, 'use only letters, digits and - _ . / % @ : + in the name');
}

function findIgnoredKeys(doc: IniDocument): IniDiagnostic[] {
  return doc.lines
    .filter((line) => line.kind === 'property' && !isValidPropertyName(line.key ?? ''))
    .map((line) =>
      createDiagnostic('ignored-key', 'warning', line.number, `key '${quoteKey(line.key ?? '')}' is ignored: it contains characters that are not allowed in a name`, 'use only letters, digits and - _ . / % @ : + in the key'),
    );
}

function findDefaultConflict(doc: IniDocument): IniDiagnostic[] {
  const prefixed = doc.sections.find((section) => section.prefixedDefault);
  if (doc.kind !== 'config' || prefixed === undefined) {
    return [];
  }
  const plain = doc.sections.filter((section) => section.kind === 'profile' && section.name === 'default' && !section.prefixedDefault);
  return plain.map((section) =>
    createDiagnostic(
      'default-conflict',
      'error',
      lineNumber(doc, section.line),
      `[default] and [profile default] (line ${lineNumber(doc, prefixed.line)}) both define the default profile: the SDKs read only [profile default], the AWS CLI only the later section`,
      'merge the two sections into one [default] section',
    ),
  );
}

function findConfigOnlyKeys(doc: IniDocument): IniDiagnostic[] {
  if (doc.kind !== 'credentials') {
    return [];
  }
  return doc.lines.filter((line) => isConfigOnlyProperty(doc, line)).map((line) => describeConfigOnlyKey(doc, line));
}

function isConfigOnlyProperty(doc: IniDocument, line: IniLine): boolean {
  const section = doc.sections[line.section];
  return line.kind === 'property' && section?.kind === 'profile' && CONFIG_ONLY_KEYS.has((line.key ?? '').toLowerCase());
}

function describeConfigOnlyKey(doc: IniDocument, line: IniLine): IniDiagnostic {
  const name = doc.sections[line.section]?.name ?? '';
  const header = name === 'default' ? '[default]' : `[profile ${name}]`;
  return createDiagnostic(
    'config-only-key',
    'warning',
    line.number,
    `'${line.key}' is a config-file setting: the AWS CLI and SDKs read it here too, but tools that take only keys from the credentials file ignore it`,
    `move the line to ${header} in the config file`,
  );
}

function lineNumber(doc: IniDocument, index: number): number {
  return doc.lines[index]?.number ?? index + 1;
}
