import { existsSync, statSync } from 'node:fs';
import { AwsmfaError } from '../errors.js';
import type { AwsFilePaths } from '../files/paths.js';
import { readDocument } from '../files/store.js';
import type { DiagnosticCode, DiagnosticSeverity } from '../ini/diagnostics.js';
import { lintDocument } from '../ini/lint.js';
import type { FileKind, IniDocument } from '../ini/parse.js';
import { checkProfiles } from '../ini/profile-checks.js';
import { buildProfileView } from '../ini/view.js';

export interface DoctorInput {
  json: boolean;
}

export interface DoctorDeps {
  paths: AwsFilePaths;
}

export interface DoctorFinding {
  file: string;
  line: number;
  severity: DiagnosticSeverity;
  code: DiagnosticCode;
  message: string;
  fix: string;
}

export interface DoctorReport {
  files: Array<{ path: string; kind: FileKind; exists: boolean }>;
  findings: DoctorFinding[];
  errors: number;
  warnings: number;
}

/** Errors found by `awsmfa doctor`. The report is already printed, so the message only counts them. */
export class DoctorFindingsError extends AwsmfaError {
  readonly errors: number;

  constructor(errors: number) {
    super(`doctor found ${errors} ${errors === 1 ? 'error' : 'errors'} in the AWS config files`, {
      hint: 'fix the lines listed above, then run awsmfa doctor again',
    });
    this.errors = errors;
  }
}

/**
 * Check both AWS files offline and return every finding. The checks cover encoding, syntax,
 * repeated sections and keys, and headers and keys in the wrong file. They also find
 * profiles that cannot work: roles without a usable source, malformed role ARNs, and
 * sessions without an expiry.
 */
export async function runDoctor(_input: DoctorInput, deps: DoctorDeps): Promise<DoctorReport> {
  const docs = { config: readDocument(deps.paths.config, 'config'), credentials: readDocument(deps.paths.credentials, 'credentials') };
  const pathOf = (kind: FileKind): string => deps.paths[kind];
  const findings = [...describeFile(pathOf('config'), docs.config), ...describeFile(pathOf('credentials'), docs.credentials)];

  findings.push(...checkCredentialsMode(pathOf('credentials')));
  const profileFindings = checkProfiles(docs, buildProfileView(docs.config, docs.credentials));
  findings.push(...profileFindings.map((finding) => toFinding(pathOf(finding.file), finding)));
  // TODO: build the online part. It calls STS GetCallerIdentity for every profile in
  // parallel, marks broken ones with invalid_as_of and offers guided fixes. Until then
  // doctor checks the files only.
  const sorted = findings.sort((a, b) => compareFindings(a, b));
  return {
    files: (['config', 'credentials'] as const).map((kind) => ({ path: pathOf(kind), kind, exists: existsSync(pathOf(kind)) })),
    findings: sorted,
    errors: sorted.filter((finding) => finding.severity === 'error').length,
    warnings: sorted.filter((finding) => finding.severity === 'warning').length,
  };
}

/** Warn when other users may read or change the file that contains long-term keys. */
function checkCredentialsMode(path: string): DoctorFinding[] {
  const mode = statSync(path, { throwIfNoEntry: false })?.mode;
  if (mode === undefined || process.platform === 'win32' || (mode & 0o077) === 0) {
    return [];
  }
  const octal = (mode & 0o777).toString(8).padStart(3, '0');
  return [
    {
      file: path,
      line: 0,
      severity: 'warning',
      code: 'file-mode',
      message: `the credentials file has mode ${octal}, so other users on this machine may read its keys`,
      fix: `chmod 600 '${path}'`,
    },
  ];
}

function describeFile(path: string, doc: IniDocument): DoctorFinding[] {
  return lintDocument(doc).map((diagnostic) => toFinding(path, diagnostic));
}

function toFinding(file: string, diagnostic: { line: number; severity: DiagnosticSeverity; code: DiagnosticCode; message: string; hint: string }): DoctorFinding {
  return { file, line: diagnostic.line, severity: diagnostic.severity, code: diagnostic.code, message: diagnostic.message, fix: diagnostic.hint };
}

function compareFindings(a: DoctorFinding, b: DoctorFinding): number {
  return a.file === b.file ? a.line - b.line : a.file.localeCompare(b.file);
}

/** Format the report as lines `FILE:LINE: SEVERITY: MESSAGE`, each followed by its fix, then a summary. */
export function formatDoctorText(report: DoctorReport): string {
  const lines: string[] = [];
  for (const finding of report.findings) {
    // Line 0 marks a finding about the whole file, such as its permissions.
    const where = finding.line > 0 ? `${finding.file}:${finding.line}` : finding.file;
    lines.push(`${where}: ${finding.severity}: ${finding.message}`, `  fix: ${finding.fix}`);
  }
  if (lines.length > 0) {
    lines.push('');
  }
  lines.push(summarize(report));
  return `${lines.join('\n')}\n`;
}

function summarize(report: DoctorReport): string {
  const present = report.files.filter((file) => file.exists).map((file) => file.path);
  const missing = report.files.filter((file) => !file.exists).map((file) => `${file.path} (not found)`);
  const files = [...present, ...missing].join(' and ');
  if (report.findings.length === 0) {
    return `no problems found in ${files}`;
  }
  return `${count(report.errors, 'error')}, ${count(report.warnings, 'warning')} in ${files}`;
}

function count(value: number, noun: string): string {
  return `${value} ${noun}${value === 1 ? '' : 's'}`;
}

export function formatDoctorJson(report: DoctorReport): string {
  return `${JSON.stringify(report, null, 2)}\n`;
}
