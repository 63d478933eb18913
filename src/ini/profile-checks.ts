/**
 * Checks of merged profiles that cannot work as written: partial keys, roles without a
 * usable source, malformed role ARNs and stored sessions without an expiry. Each finding
 * points at the line that defines the offending key, in the file the SDKs take it from.
 */
import { hasStaticKeys, MFA_SESSION_SUFFIX, readExpiry, ROLE_SESSION_SUFFIX } from '../profiles/catalog.js';
import { createDiagnostic, type DiagnosticCode, type DiagnosticSeverity, type IniDiagnostic } from './diagnostics.js';
import type { FileKind, IniDocument } from './parse.js';
import { describeRoleArnProblem, findSourceProblem } from './role-checks.js';
import type { ProfileView, PropertyMap } from './view.js';

export interface FileDiagnostic extends IniDiagnostic {
  file: FileKind;
}

export interface ProfileDocuments {
  config: IniDocument;
  credentials: IniDocument;
}

export function checkProfiles(docs: ProfileDocuments, view: ProfileView): FileDiagnostic[] {
  const found: FileDiagnostic[] = [];
  for (const [name, properties] of view.profiles) {
    const context: CheckContext = { docs, view, name, properties, found };
    checkKeys(context);
    checkRole(context);
    checkSession(context);
  }
  return found;
}

interface CheckContext {
  docs: ProfileDocuments;
  view: ProfileView;
  name: string;
  properties: PropertyMap;
  found: FileDiagnostic[];
}

function checkKeys(context: CheckContext): void {
  const { name, properties } = context;
  const keyId = properties.has('aws_access_key_id');
  const secret = properties.has('aws_secret_access_key');
  if (keyId === secret) {
    return;
  }
  const [present, missing] = keyId ? ['aws_access_key_id', 'aws_secret_access_key'] : ['aws_secret_access_key', 'aws_access_key_id'];
  add(context, 'partial-keys', 'error', present, `profile '${name}' has ${present} but no ${missing}`, `add ${missing} to [${name}] in the credentials file, or remove ${present}`);
}

function checkRole(context: CheckContext): void {
  const { name, properties } = context;
  const roleArn = properties.get('role_arn');
  if (roleArn === undefined) {
    return;
  }
  const arnProblem = describeRoleArnProblem(roleArn);
  if (arnProblem !== undefined) {
    add(context, 'role-arn-invalid', 'error', 'role_arn', `role_arn of profile '${name}' is not a valid IAM role ARN: ${arnProblem}`, 'write it as arn:PARTITION:iam::ACCOUNT_ID:role/NAME, for example arn:aws:iam::123456789012:role/Admin');
  }
  const source = properties.get('source_profile');
  const credentialSource = properties.get('credential_source');
  if (source !== undefined && credentialSource !== undefined) {
    add(context, 'role-source-conflict', 'error', 'source_profile', `role profile '${name}' has both source_profile and credential_source`, 'keep only one of the two lines');
    return;
  }
  if (!source && credentialSource === undefined && properties.get('web_identity_token_file') === undefined) {
    add(context, 'role-without-source', 'error', 'role_arn', `role profile '${name}' has role_arn but no source_profile or credential_source`, `add source_profile = NAME (a profile with keys) to [profile ${name}] in the config file`);
    return;
  }
  const problem = source ? findSourceProblem(context.view, name, source) : undefined;
  if (problem !== undefined) {
    add(context, problem.code, 'error', 'source_profile', problem.message, problem.hint);
  }
}

function checkSession(context: CheckContext): void {
  const { name, properties, view } = context;
  const suffix = [MFA_SESSION_SUFFIX, ROLE_SESSION_SUFFIX].find((end) => name.endsWith(end) && name.length > end.length);
  if (suffix === undefined || !hasStaticKeys(properties)) {
    return;
  }
  const parent = name.slice(0, -suffix.length);
  if (readExpiry(properties, view.profiles.get(parent)) !== undefined) {
    return;
  }
  add(
    context,
    'session-without-expiry',
    'warning',
    undefined,
    `session '${name}' has no valid aws_session_expiry or x_security_token_expires, so awsmfa treats it as expired`,
    `start a new session with 'awsmfa use ${parent}', or delete the [${name}] section`,
  );
}

function add(context: CheckContext, code: DiagnosticCode, severity: DiagnosticSeverity, key: string | undefined, message: string, hint: string): void {
  const place = locateProfile(context.docs, context.name, key);
  context.found.push({ ...createDiagnostic(code, severity, place.line, message, hint), file: place.file });
}

/**
 * Find the line that defines a profile's key. The credentials file comes first because its
 * values win. Without such a line, the profile's first header is the place.
 */
export function locateProfile(docs: ProfileDocuments, profile: string, key: string | undefined): { file: FileKind; line: number } {
  const candidates = [docs.credentials, docs.config];
  for (const doc of key === undefined ? [] : candidates) {
    const line = findKeyLine(doc, profile, key as string);
    if (line !== undefined) {
      return { file: doc.kind, line };
    }
  }
  for (const doc of candidates) {
    const section = doc.sections.find((entry) => entry.kind === 'profile' && entry.name === profile);
    if (section !== undefined) {
      return { file: doc.kind, line: section.line + 1 };
    }
  }
  return { file: 'config', line: 1 };
}

function findKeyLine(doc: IniDocument, profile: string, key: string): number | undefined {
  let found: number | undefined;
  for (const line of doc.lines) {
    const section = doc.sections[line.section];
    if (line.kind === 'property' && section?.kind === 'profile' && section.name === profile && line.key?.toLowerCase() === key) {
      found = line.number;
    }
  }
  return found;
}
