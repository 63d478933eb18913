/** Problems found in an AWS config or credentials file, each with its line and a fix. */

export type DiagnosticSeverity = 'error' | 'warning';

export type DiagnosticCode =
  // The file's permissions let other users read the keys (found by doctor, not the parser).
  | 'file-mode'
  // The bytes cannot be read as UTF-8 text the way every reader reads it.
  | 'bom'
  | 'utf16'
  | 'invalid-utf8'
  | 'nul-byte'
  | 'stray-carriage-return'
  // Lines the AWS SDKs reject when they parse the file.
  | 'unclosed-section'
  | 'property-outside-section'
  | 'missing-equals'
  | 'missing-key'
  | 'orphan-continuation'
  | 'invalid-subproperty'
  // Content that parses but that readers ignore, read differently, or reject.
  | 'duplicate-section'
  | 'duplicate-key'
  | 'ambiguous-key'
  | 'indented-section-header'
  | 'indented-continuation'
  | 'inline-comment'
  | 'ignored-section'
  | 'ignored-key'
  | 'profile-prefix-in-credentials'
  | 'default-conflict'
  | 'config-only-key'
  // Profiles that cannot work as written.
  | 'partial-keys'
  | 'role-without-source'
  | 'role-source-conflict'
  | 'role-source-missing'
  | 'role-source-cycle'
  | 'role-source-without-credentials'
  | 'role-arn-invalid'
  | 'session-without-expiry';

export interface IniDiagnostic {
  code: DiagnosticCode;
  severity: DiagnosticSeverity;
  /** 1-based line number in the file. */
  line: number;
  message: string;
  /** The fix, as an instruction to the user. */
  hint: string;
}

/**
 * Codes that make awsmfa reject writes to a file. With any of them an edit could lose bytes
 * (the text is not UTF-8), or the AWS CLI already fails on the file. Otherwise the SDKs and
 * the CLI would disagree about which key or section an edit changed.
 */
const EDIT_BLOCKING_CODES: ReadonlySet<DiagnosticCode> = new Set<DiagnosticCode>([
  'bom',
  'utf16',
  'invalid-utf8',
  'nul-byte',
  'stray-carriage-return',
  'unclosed-section',
  'property-outside-section',
  'missing-equals',
  'missing-key',
  'orphan-continuation',
  'invalid-subproperty',
  'duplicate-section',
  'duplicate-key',
  'ambiguous-key',
  'indented-section-header',
]);

export function isEditBlocking(diagnostic: IniDiagnostic): boolean {
  return EDIT_BLOCKING_CODES.has(diagnostic.code);
}

export function createDiagnostic(code: DiagnosticCode, severity: DiagnosticSeverity, line: number, message: string, hint: string): IniDiagnostic {
  return { code, severity, line, message, hint };
}

/** Shorten a key for a message, because a mangled line may contain a secret. */
export function quoteKey(key: string): string {
  return key.length > 32 ? `${key.slice(0, 29)}...` : key;
}
