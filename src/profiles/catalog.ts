import type { PropertyMap, ProfileView } from '../ini/view.js';

export const MFA_SESSION_SUFFIX = '-mfasession';
export const ROLE_SESSION_SUFFIX = '-rolesession';
/** A session with fewer seconds left than this counts as expired. */
export const EXPIRY_MARGIN_SECONDS = 300;
/** Length assumed for legacy sessions that record only their start time. */
export const LEGACY_DEFAULT_LENGTH_SECONDS = 32_400;

export type ProfileKind = 'base' | 'role' | 'mfa-session' | 'role-session' | 'sso' | 'process' | 'other';

export interface ProfileInfo {
  name: string;
  kind: ProfileKind;
  properties: PropertyMap;
  /** For sessions: the profile the session was started from. */
  parent?: string;
  /** For sessions: expiry as epoch seconds, when the files record it. */
  expiry?: number;
}

/** Classify every profile of the merged view. */
export function listProfiles(view: ProfileView): ProfileInfo[] {
  return [...view.profiles.entries()].map(([name, properties]) => describeProfile(view, name, properties));
}

export function describeProfile(view: ProfileView, name: string, properties: PropertyMap): ProfileInfo {
  const kind = getProfileKind(name, properties);
  const info: ProfileInfo = { name, kind, properties };

  if (kind === 'mfa-session' || kind === 'role-session') {
    const suffix = kind === 'mfa-session' ? MFA_SESSION_SUFFIX : ROLE_SESSION_SUFFIX;
    info.parent = name.slice(0, -suffix.length);
    info.expiry = readExpiry(properties, view.profiles.get(info.parent));
  }
  return info;
}

/**
 * Classify a profile. The session suffixes are checked first, because a stored session also
 * has static keys. A role comes before keys, as in the SDKs, where `role_arn` wins.
 */
export function getProfileKind(name: string, properties: PropertyMap): ProfileKind {
  if (name.endsWith(MFA_SESSION_SUFFIX) && name.length > MFA_SESSION_SUFFIX.length) {
    return 'mfa-session';
  }
  if (name.endsWith(ROLE_SESSION_SUFFIX) && name.length > ROLE_SESSION_SUFFIX.length) {
    return 'role-session';
  }
  if (properties.has('role_arn')) {
    return 'role';
  }
  if (properties.has('sso_session') || properties.has('sso_start_url')) {
    return 'sso';
  }
  if (properties.has('credential_process')) {
    return 'process';
  }
  return hasStaticKeys(properties) ? 'base' : 'other';
}

export function hasStaticKeys(properties: PropertyMap): boolean {
  return Boolean(properties.get('aws_access_key_id') && properties.get('aws_secret_access_key'));
}

/**
 * Expiry of a stored session in epoch seconds: `aws_session_expiry`, else the ISO
 * `x_security_token_expires`, else the legacy `aws_session_init_time` plus the session length
 * (`mfasec` or `sessmax` of the session or of its parent).
 */
export function readExpiry(session: PropertyMap, parent?: PropertyMap): number | undefined {
  const epoch = Number(session.get('aws_session_expiry'));
  if (session.get('aws_session_expiry') && Number.isFinite(epoch)) {
    return Math.floor(epoch);
  }
  const iso = Date.parse(session.get('x_security_token_expires') ?? '');
  if (Number.isFinite(iso)) {
    return Math.floor(iso / 1000);
  }
  const start = Number(session.get('aws_session_init_time'));
  if (!session.get('aws_session_init_time') || !Number.isFinite(start)) {
    return undefined;
  }
  const lengthText = session.get('mfasec') ?? session.get('sessmax') ?? parent?.get('mfasec') ?? parent?.get('sessmax');
  const length = Number(lengthText);
  return Math.floor(start) + (lengthText && Number.isFinite(length) ? length : LEGACY_DEFAULT_LENGTH_SECONDS);
}

/** True when a session exists, has keys and at least EXPIRY_MARGIN_SECONDS left. */
export function isLive(info: ProfileInfo | undefined, nowSeconds: number): info is ProfileInfo & { expiry: number } {
  return info !== undefined && info.expiry !== undefined && hasStaticKeys(info.properties) && info.expiry - nowSeconds >= EXPIRY_MARGIN_SECONDS;
}
