import { AwsmfaError, EXIT_USAGE, ProfileNotFoundError, UsageError } from '../errors.js';
import { isValidProfileName, type IniDocument } from '../ini/parse.js';
import { readDocuments } from '../files/store.js';
import { buildProfileView, type ProfileView } from '../ini/view.js';
import { debug, registerCode } from '../log.js';
import { describeProfile, isLive, MFA_SESSION_SUFFIX, type ProfileInfo } from '../profiles/catalog.js';
import type { Activation } from '../session/activation.js';
import type { SessionContext } from '../session/context.js';
import { assertCodeFormat } from '../session/mfa-code.js';
import { startMfaSession } from '../session/mfa-session.js';
import { activateStartedSession, activateStoredSession, selectByReference, shouldExportKeys } from '../session/session-activation.js';
import { useRoleProfile } from './use-role.js';

export interface UseInput {
  profile: string;
  code?: string;
  noMfa: boolean;
  persist: boolean;
  exportSecrets: boolean;
  duration?: number;
  /** Caller of a role's AssumeRole: a `--via` keyword or a live session profile. */
  via?: string;
  /** Skip online checks (IAM GetRole for roles). */
  quick?: boolean;
}

export type UseDeps = SessionContext;

/** Activate a profile: reuse a live session, start a new MFA or role session, or select the profile. */
export async function runUse(input: UseInput, deps: UseDeps): Promise<Activation> {
  if (input.code !== undefined) {
    registerCode(input.code);
    assertCodeFormat(input.code, '--code');
  }
  const view = deps.loadView ? await deps.loadView() : loadFileView(deps);
  const properties = view.profiles.get(input.profile);
  if (properties === undefined && !isValidProfileName(input.profile)) {
    throw new AwsmfaError(`profile name '${input.profile}' is not one the AWS SDKs accept, so awsmfa ignores such a section`, {
      hint: 'rename the section using letters, digits and - _ . / % @ : + only (the AWS CLI alone also reads other names)',
      exitCode: EXIT_USAGE,
    });
  }
  if (properties === undefined) {
    throw new ProfileNotFoundError(input.profile, [...view.profiles.keys()]);
  }
  const info = describeProfile(view, input.profile, properties);
  const nowSeconds = Math.floor(deps.now() / 1000);
  if (input.via !== undefined && info.kind !== 'role') {
    throw new UsageError(`--via applies to role profiles only, and '${info.name}' is a ${info.kind} profile`, `run \`awsmfa use ${info.name}\` without --via`);
  }

  switch (info.kind) {
    case 'mfa-session':
    case 'role-session':
      return activateLiveSession(view, info, nowSeconds, input);
    case 'base':
      return useBaseProfile(view, info, input, deps, nowSeconds);
    case 'role':
      return useRoleProfile(view, info, input, deps, nowSeconds);
    case 'sso':
    case 'process':
      return selectByReference(view, info, [`awsmfa: '${info.name}' ${PASS_THROUGH[info.kind]}; selected it as it is`]);
    default:
      throw describeUnusableProfile(info, deps);
  }
}

const PASS_THROUGH = {
  sso: 'signs in with IAM Identity Center (SSO), which the AWS CLI handles',
  process: 'gets its keys from credential_process',
};

/** Explain why a profile without keys, role or SSO settings cannot be activated. */
function describeUnusableProfile(info: ProfileInfo, deps: UseDeps): AwsmfaError {
  const missing = ['aws_access_key_id', 'aws_secret_access_key'].filter((key) => !info.properties.get(key));
  const where = `the credentials file (${deps.paths.credentials})`;
  if (missing.length === 1) {
    return new AwsmfaError(`profile '${info.name}' has only half of its keys: ${missing[0]} is missing`, { hint: `add ${missing[0]} to [${info.name}] in ${where}` });
  }
  const device = info.properties.get('mfa_serial') ?? info.properties.get('mfa_arn');
  const message = device
    ? `profile '${info.name}' names an MFA device but has no access keys`
    : `profile '${info.name}' has no access keys, role_arn, SSO or credential_process settings`;
  return new AwsmfaError(message, { hint: `add aws_access_key_id and aws_secret_access_key to [${info.name}] in ${where}` });
}

function loadFileView(deps: UseDeps): ProfileView {
  const docs = readDocuments(deps.paths);
  assertReadable(deps.paths.config, docs.config);
  assertReadable(deps.paths.credentials, docs.credentials);
  return buildProfileView(docs.config, docs.credentials);
}

/** Reject a file in another encoding, which reads as empty and would make every profile in it look missing. */
function assertReadable(path: string, doc: IniDocument): void {
  const unreadable = doc.diagnostics.find((diagnostic) => diagnostic.code === 'utf16' || diagnostic.code === 'invalid-utf8');
  if (unreadable !== undefined) {
    throw new AwsmfaError(`cannot read ${path}: line ${unreadable.line}: ${unreadable.message}`, { hint: unreadable.hint });
  }
}

function activateLiveSession(view: ProfileView, info: ProfileInfo, nowSeconds: number, input: UseInput): Activation {
  if (!isLive(info, nowSeconds)) {
    const when = info.expiry === undefined ? 'has no recorded expiry' : `expired at ${new Date(info.expiry * 1000).toISOString()}`;
    throw new AwsmfaError(`session '${info.name}' ${when}`, { hint: `start a new one with \`awsmfa use ${info.parent}\`` });
  }
  return activateStoredSession(view, info, shouldExportKeys(input));
}

async function useBaseProfile(view: ProfileView, info: ProfileInfo, input: UseInput, deps: UseDeps, nowSeconds: number): Promise<Activation> {
  if (input.noMfa) {
    debug(`--no-mfa: selecting base profile ${info.name}`);
    return selectByReference(view, info, []);
  }
  const sessionName = `${info.name}${MFA_SESSION_SUFFIX}`;
  const stored = view.profiles.get(sessionName);
  const session = stored === undefined ? undefined : describeProfile(view, sessionName, stored);
  // A code or a length on the command line requests a new session, so a live one is not reused.
  const wantsNew = input.code !== undefined || input.duration !== undefined;
  if (!wantsNew && isLive(session, nowSeconds)) {
    debug(`reusing live session ${sessionName}, ${session.expiry - nowSeconds} s left`);
    return activateStoredSession(view, session, shouldExportKeys(input));
  }
  const started = await startMfaSession(view, info, { code: input.code, duration: input.duration, persist: input.persist }, deps);
  if (started === undefined) {
    return selectByReference(view, info, [`awsmfa: no code entered; selected '${info.name}' without MFA`]);
  }
  return activateStartedSession(started, { ident: info.name, type: 'mfasession', persisted: input.persist, exportSecrets: input.exportSecrets, messages: [] });
}
