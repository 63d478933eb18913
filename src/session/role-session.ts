import { AccessDeniedError, EndpointUnreachableError, InvalidAccessKeyError, SignatureMismatchError } from '../aws/errors.js';
import type { AssumeRoleInput, AwsApi, SessionCredentials, StaticCredentials } from '../aws/types.js';
import type { ProfileView } from '../ini/view.js';
import { debug } from '../log.js';
import { ROLE_SESSION_SUFFIX } from '../profiles/catalog.js';
import { describeChain, getChainProfiles, type RoleChain, type RoleLink } from '../profiles/chain.js';
import { resolveOutput } from '../profiles/inherited.js';
import { resolveRegion } from '../profiles/region.js';
import { describeMfaRequirement, readMfaRequirement, type MfaRequirement } from '../profiles/trust-policy.js';
import { notifyUser, type SessionContext } from './context.js';
import { readEnvironmentCredentials, readProfileCredentials } from './credentials.js';
import type { StartedSession } from './mfa-session.js';
import { applyMfaRequirement, isChainedPlan, planCaller, MfaRequiredError, type CallerPlan, type ViaChoice } from './role-caller.js';
import { acquireCaller, type Caller } from './role-caller-credentials.js';
import { checkRoleMaximum, MAX_CHAINED_DURATION_SECONDS, resolveRoleDuration, type RoleDurationChoice } from './role-duration.js';
import { resolveRoleSessionName } from './role-session-name.js';
import { requestWithCode } from './code-retry.js';
import { storeSessionOrKeep } from './store-session.js';

export interface RoleSessionOptions {
  /** Code from --code, already checked for format. */
  code: string | undefined;
  /** Length from --duration, in seconds, for the requested role only. */
  duration: number | undefined;
  via: ViaChoice | undefined;
  persist: boolean;
  /** Skip IAM GetRole (the global --quick option). */
  quick: boolean;
}

/** Role details from IAM GetRole. Both fields are unknown when the role could not be read. */
interface RoleInspection {
  maxSessionDuration: number | undefined;
  mfa: MfaRequirement;
}

const UNKNOWN_ROLE: RoleInspection = { maxSessionDuration: undefined, mfa: 'unknown' };

/**
 * Start a session for the first role of `chain` with STS AssumeRole and store it as
 * `ROLE-rolesession` when `persist` is set. A chained role's source session is reused when
 * live, else started first, recursively. Every check that can fail without AWS (duration,
 * session name, caller) runs before the first prompt.
 */
export async function startRoleSession(view: ProfileView, chain: RoleChain, options: RoleSessionOptions, context: SessionContext): Promise<StartedSession> {
  const role = chain.roles[0] as RoleLink;
  debug(`role chain ${describeChain(chain)}`);
  const plan = planCaller(view, chain, options.via, Math.floor(context.now() / 1000));
  const { request, duration } = buildRequest(role, options.duration, isChainedPlan(plan));

  const name = `${role.name}${ROLE_SESSION_SUFFIX}`;
  // A stored session profile may carry its own region and output, which win over the role's.
  const lineage = [name, ...getChainProfiles(chain)];
  const region = resolveRegion(view, lineage);
  if (options.persist) {
    // Loaded here: the preflight pulls in the write path, which a reused session never needs.
    const { assertFilesWritable } = await import('../files/preflight.js');
    assertFilesWritable(context.paths);
  }
  const api = await context.createApi(region.value);
  // The notice comes after createApi because the fast path in cli.ts stops there and runs again in full.
  reportDuration(role, duration, context);
  const inspection = options.quick ? UNKNOWN_ROLE : await inspectRole(api, readCallerWithoutPrompt(plan, role, context), role);
  checkRoleMaximum(role.name, duration, inspection.maxSessionDuration);
  const finalPlan = applyMfaRequirement(plan, inspection.mfa, role.name);
  debug(`caller for ${role.name}: ${finalPlan.reason}`);

  const caller = await acquireCaller(view, finalPlan, role, api, { ...options, startSourceRole }, context);
  const session = await assumeRole(api, caller, request, role, { requirement: inspection.mfa, withoutMfa: finalPlan.kind === 'keys' });
  const output = resolveOutput(view, lineage);
  let notStored: string | undefined;
  if (options.persist) {
    notStored = await storeSessionOrKeep(context.paths, name, session, region.value, output);
  }
  const expiry = Math.floor(session.expiration.getTime() / 1000);
  return { name, credentials: session, expiry, region: region.value, output, messages: region.messages, startedFirst: caller.startedFirst, notStored };
}

/** Build the AssumeRole parameters that need no AWS call: length, session name and external id. */
function buildRequest(role: RoleLink, flag: number | undefined, chained: boolean): { request: AssumeRoleInput; duration: RoleDurationChoice } {
  const duration = resolveRoleDuration(flag, role.properties, chained);
  const sessionName = resolveRoleSessionName(role.name, role.properties);
  debug(`role session name ${sessionName.value} from ${sessionName.source}`);

  const request: AssumeRoleInput = { roleArn: role.roleArn, roleSessionName: sessionName.value, durationSeconds: duration.seconds };
  const externalId = role.properties.get('external_id');
  if (externalId) {
    request.externalId = externalId;
    debug(`passing external_id of ${role.name}`);
  }
  return { request, duration };
}

/** Start the source role's session for a chained role, with that role's own duration settings. */
async function startSourceRole(view: ProfileView, chain: RoleChain, options: RoleSessionOptions, context: SessionContext): Promise<StartedSession> {
  return startRoleSession(view, chain, { ...options, duration: undefined }, context);
}

function reportDuration(role: RoleLink, duration: RoleDurationChoice, context: SessionContext): void {
  if (duration.cappedFrom !== undefined) {
    notifyUser(
      context,
      `awsmfa: '${role.name}' is assumed with another role's session (role chaining), which AWS limits to ${MAX_CHAINED_DURATION_SECONDS} s; using ${duration.seconds} s instead of the ${duration.cappedFrom} s from ${duration.source}`,
    );
  }
  debug(`role session length ${duration.seconds} s from ${duration.source}`);
}

/** Read credentials for IAM GetRole that need no prompt, or undefined when the caller must be started first. */
function readCallerWithoutPrompt(plan: CallerPlan, role: RoleLink, context: SessionContext): StaticCredentials | undefined {
  switch (plan.kind) {
    case 'session':
      return readProfileCredentials(plan.session.properties);
    case 'source-role':
      return undefined;
    default:
      return plan.root.kind === 'environment' ? readEnvironmentCredentials(context.env, role.name) : readProfileCredentials(plan.root.properties);
  }
}

/**
 * Read the role's MaxSessionDuration and trust policy with IAM GetRole. GetRole takes a role
 * name and looks in the caller's own account, so a result for another ARN is ignored.
 * Denied or failed reads leave both unknown ("may need MFA"), except errors that AssumeRole
 * would meet too (bad keys, no endpoint), which stop here, before any prompt.
 */
async function inspectRole(api: AwsApi, credentials: StaticCredentials | undefined, role: RoleLink): Promise<RoleInspection> {
  if (credentials === undefined) {
    debug(`role ${role.name} may need MFA: its trust policy cannot be read before the source role's session starts`);
    return UNKNOWN_ROLE;
  }
  try {
    const details = await api.getRole(credentials, role.arn.name);
    if (details.arn !== role.roleArn) {
      debug(`iam:GetRole returned ${details.arn}, not ${role.roleArn}; ignoring it`);
      return UNKNOWN_ROLE;
    }
    const mfa = readMfaRequirement(details.trustPolicy);
    debug(`role ${role.name} ${describeMfaRequirement(mfa)}, MaxSessionDuration ${details.maxSessionDuration ?? 'unknown'} s`);
    return { maxSessionDuration: details.maxSessionDuration, mfa };
  } catch (error) {
    if (error instanceof EndpointUnreachableError || error instanceof InvalidAccessKeyError || error instanceof SignatureMismatchError) {
      throw error;
    }
    debug(`cannot read role ${role.name} with iam:GetRole (${(error as Error).message}); it may need MFA`);
    return UNKNOWN_ROLE;
  }
}

/** Call AssumeRole, with a one-time code when the caller needs one. A blank code goes on without MFA. */
async function assumeRole(
  api: AwsApi,
  caller: Caller,
  request: AssumeRoleInput,
  role: RoleLink,
  mfa: { requirement: MfaRequirement; withoutMfa: boolean },
): Promise<SessionCredentials> {
  const device = caller.device;
  if (device === undefined) {
    return assumeWithoutCode(api, caller.credentials, request, role, mfa.withoutMfa);
  }
  const session = await requestWithCode(device, (code) => api.assumeRole(caller.credentials, { ...request, serialNumber: device.serial, tokenCode: code }));
  if (session !== undefined) {
    return session;
  }
  if (mfa.requirement === 'required') {
    throw new MfaRequiredError(role.name);
  }
  debug(`no code entered; assuming ${role.name} without MFA`);
  return assumeWithoutCode(api, caller.credentials, request, role, true);
}

/** Call AssumeRole without a code. A denial of a call made without MFA hints at `--via code`. */
async function assumeWithoutCode(api: AwsApi, credentials: StaticCredentials, request: AssumeRoleInput, role: RoleLink, withoutMfa: boolean): Promise<SessionCredentials> {
  try {
    return await api.assumeRole(credentials, request);
  } catch (error) {
    if (!withoutMfa || !(error instanceof AccessDeniedError)) {
      throw error;
    }
    const hint = `role '${role.name}' may need MFA: run \`awsmfa use ${role.name} --via code\` or \`--via new-session\`; otherwise ${error.hint ?? 'ask an administrator'}`;
    throw new AccessDeniedError(error.action, error.message, hint, error);
  }
}
