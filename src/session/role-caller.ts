import { AwsmfaError, ProfileNotFoundError, UsageError } from '../errors.js';
import type { ProfileView } from '../ini/view.js';
import { describeProfile, getProfileKind, isLive, MFA_SESSION_SUFFIX, ROLE_SESSION_SUFFIX, type ProfileInfo } from '../profiles/catalog.js';
import type { ChainRoot, RoleChain, RoleLink } from '../profiles/chain.js';
import type { MfaRequirement } from '../profiles/trust-policy.js';

/** `--via` keywords; any other value names a live session profile. */
export const VIA_KEYWORDS = ['session', 'code', 'new-session', 'keys'] as const;

export type ViaKeyword = (typeof VIA_KEYWORDS)[number];

export type ViaChoice = { keyword: ViaKeyword } | { session: string };

export type LiveSession = ProfileInfo & { expiry: number };

/**
 * The caller of one role's AssumeRole call, by kind:
 * - `session`: with the keys of a live stored session (the source's MFA session, a source
 *   role's session, or the session named by `--via`);
 * - `source-role`: start the source role's session first, then use it (role chaining);
 * - `code`: with the root's keys and a one-time code from the MFA device;
 * - `new-session`: start an MFA session for the root profile, then use it;
 * - `keys`: with the root's keys, without MFA.
 */
export type CallerPlan =
  | { kind: 'session'; session: LiveSession; chained: boolean; reason: string }
  | { kind: 'source-role'; chain: RoleChain; reason: string }
  | { kind: 'code' | 'new-session' | 'keys'; root: ChainRoot; explicit: boolean; reason: string };

/** A session that `--via` or a source names, but that has expired or has no keys. */
export class SessionNotLiveError extends AwsmfaError {
  readonly profile: string;

  constructor(profile: string, problem: string, hint: string) {
    super(`session '${profile}' ${problem}`, { hint });
    this.profile = profile;
  }
}

/** The caller chosen for a role cannot pass its trust policy, which requires MFA. */
export class MfaRequiredError extends AwsmfaError {
  readonly profile: string;

  constructor(profile: string) {
    super(`role '${profile}' requires MFA (its trust policy has an aws:MultiFactorAuthPresent or aws:MultiFactorAuthAge condition)`, {
      hint: `enter a code, or run \`awsmfa use ${profile} --via code\` or \`--via new-session\``,
    });
    this.profile = profile;
  }
}

/** Parse `--via`: one of VIA_KEYWORDS, else the name of a session profile. */
export function parseVia(value: string | undefined): ViaChoice | undefined {
  if (value === undefined) {
    return undefined;
  }
  if ((VIA_KEYWORDS as readonly string[]).includes(value)) {
    return { keyword: value as ViaKeyword };
  }
  if (value === '') {
    throw new UsageError(`--via must be one of ${VIA_KEYWORDS.join(', ')} or the name of a live session profile, got ''`);
  }
  return { session: value };
}

/**
 * Choose the caller for the first role of `chain`, in the order of the old role menu. A
 * session named with `--via` comes first, then the source role's session for a chained role,
 * then a keyword from `--via`. With no flag the source's live MFA session is next, then a
 * one-off code when the role or its source names an MFA device, and last the source's keys.
 */
export function planCaller(view: ProfileView, chain: RoleChain, via: ViaChoice | undefined, nowSeconds: number): CallerPlan {
  const role = chain.roles[0] as RoleLink;

  if (via !== undefined && 'session' in via) {
    return { kind: 'session', ...findViaSession(view, via.session, nowSeconds) };
  }
  const sourceRole = chain.roles[1];
  if (sourceRole !== undefined) {
    return planSourceRole(view, chain, sourceRole, nowSeconds);
  }
  if (chain.root.kind === 'profile' && isSessionProfile(chain.root)) {
    return { kind: 'session', ...findSourceSession(view, role, chain.root.name, nowSeconds) };
  }
  return planRootCaller(view, role, chain.root, via?.keyword, nowSeconds);
}

/** True when the call is role chaining, which AWS limits to 3600 s. */
export function isChainedPlan(plan: CallerPlan): boolean {
  return plan.kind === 'source-role' || (plan.kind === 'session' && plan.chained);
}

/**
 * Adjust a plan to the role's trust policy. A plan that would skip MFA switches to a one-off
 * code when the policy requires MFA, unless the user requested keys explicitly.
 */
export function applyMfaRequirement(plan: CallerPlan, requirement: MfaRequirement, role: string): CallerPlan {
  if (plan.kind !== 'keys') {
    return plan;
  }
  if (requirement !== 'required') {
    return plan;
  }
  if (plan.explicit) {
    throw new MfaRequiredError(role);
  }
  return { kind: 'code', root: plan.root, explicit: false, reason: `the trust policy of ${role} requires MFA` };
}

function planSourceRole(view: ProfileView, chain: RoleChain, sourceRole: RoleLink, nowSeconds: number): CallerPlan {
  const name = `${sourceRole.name}${ROLE_SESSION_SUFFIX}`;
  const session = readSession(view, name);
  if (isLive(session, nowSeconds)) {
    return { kind: 'session', session, chained: true, reason: `the live session of the source role ${sourceRole.name}` };
  }
  return { kind: 'source-role', chain: { roles: chain.roles.slice(1), root: chain.root }, reason: `a new session of the source role ${sourceRole.name}` };
}

function planRootCaller(view: ProfileView, role: RoleLink, root: ChainRoot, keyword: ViaKeyword | undefined, nowSeconds: number): CallerPlan {
  if (root.kind === 'environment') {
    return planEnvironmentCaller(role, keyword);
  }
  const mfaSessionName = `${root.name}${MFA_SESSION_SUFFIX}`;
  const mfaSession = readSession(view, mfaSessionName);

  if (keyword === 'session') {
    if (!isLive(mfaSession, nowSeconds)) {
      throw new SessionNotLiveError(mfaSessionName, 'is not live', `start it with \`awsmfa use ${root.name}\`, or use --via code or --via new-session`);
    }
    return { kind: 'session', session: mfaSession, chained: false, reason: '--via session' };
  }
  if (keyword !== undefined) {
    return { kind: keyword, root, explicit: true, reason: `--via ${keyword}` };
  }
  if (isLive(mfaSession, nowSeconds)) {
    return { kind: 'session', session: mfaSession, chained: false, reason: `the live MFA session of the source ${root.name}` };
  }
  const device = findMfaSerial(role, root);
  if (device !== undefined) {
    return { kind: 'code', root, explicit: false, reason: `a one-off code, because profile ${device} names an MFA device` };
  }
  return { kind: 'keys', root, explicit: false, reason: `the keys of ${root.name}, because no MFA device is configured` };
}

function planEnvironmentCaller(role: RoleLink, keyword: ViaKeyword | undefined): CallerPlan {
  const root: ChainRoot = { kind: 'environment' };
  if (keyword === 'session' || keyword === 'new-session') {
    throw new UsageError(
      `--via ${keyword} needs a source profile, but role '${role.name}' takes its keys from the environment (credential_source = Environment)`,
      'use --via code or --via keys',
    );
  }
  if (keyword !== undefined) {
    return { kind: keyword, root, explicit: true, reason: `--via ${keyword} with keys from the environment` };
  }
  if (role.properties.get('mfa_serial')) {
    return { kind: 'code', root, explicit: false, reason: `a one-off code with keys from the environment, because ${role.name} sets mfa_serial` };
  }
  return { kind: 'keys', root, explicit: false, reason: 'keys from the environment' };
}

/** Return the profile (the role, else its root) whose mfa_serial or legacy mfa_arn names a device. */
export function findMfaSerial(role: RoleLink, root: ChainRoot): string | undefined {
  if (role.properties.get('mfa_serial')) {
    return role.name;
  }
  if (root.kind === 'profile' && (root.properties.get('mfa_serial') || root.properties.get('mfa_arn'))) {
    return root.name;
  }
  return undefined;
}

function findViaSession(view: ProfileView, name: string, nowSeconds: number): { session: LiveSession; chained: boolean; reason: string } {
  const properties = view.profiles.get(name);
  if (properties === undefined) {
    throw new ProfileNotFoundError(name, [...view.profiles.keys()]);
  }
  const session = describeProfile(view, name, properties);
  if (session.kind !== 'mfa-session' && session.kind !== 'role-session') {
    throw new UsageError(
      `--via must be one of ${VIA_KEYWORDS.join(', ')} or the name of a session profile (NAME${MFA_SESSION_SUFFIX} or NAME${ROLE_SESSION_SUFFIX}), got '${name}'`,
      'run `awsmfa list` to see the sessions',
    );
  }
  return { session: requireLive(session, nowSeconds), chained: session.kind === 'role-session', reason: `--via ${name}` };
}

function findSourceSession(view: ProfileView, role: RoleLink, name: string, nowSeconds: number): { session: LiveSession; chained: boolean; reason: string } {
  const session = describeProfile(view, name, view.profiles.get(name) ?? new Map());
  return { session: requireLive(session, nowSeconds), chained: session.kind === 'role-session', reason: `source_profile of ${role.name}` };
}

function requireLive(session: ProfileInfo, nowSeconds: number): LiveSession {
  if (isLive(session, nowSeconds)) {
    return session;
  }
  const problem = session.expiry === undefined ? 'has no recorded expiry' : `expired at ${new Date(session.expiry * 1000).toISOString()}`;
  throw new SessionNotLiveError(session.name, problem, `start a new one with \`awsmfa use ${session.parent ?? session.name}\``);
}

function readSession(view: ProfileView, name: string): ProfileInfo | undefined {
  const properties = view.profiles.get(name);
  return properties === undefined ? undefined : describeProfile(view, name, properties);
}

/** True for a source_profile that is itself a stored session, such as `alice-mfasession`. */
function isSessionProfile(root: ChainRoot & { kind: 'profile' }): boolean {
  const kind = getProfileKind(root.name, root.properties);
  return kind === 'mfa-session' || kind === 'role-session';
}
