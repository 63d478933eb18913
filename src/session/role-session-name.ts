import { AwsmfaError } from '../errors.js';
import type { PropertyMap } from '../ini/view.js';
import { ROLE_SESSION_SUFFIX } from '../profiles/catalog.js';

/** AWS's pattern for RoleSessionName. */
const SESSION_NAME_PATTERN = /^[\w+=,.@-]{2,64}$/;
const MAX_SESSION_NAME_LENGTH = 64;

export class InvalidRoleSessionNameError extends AwsmfaError {
  readonly profile: string;
  readonly value: string;

  constructor(profile: string, value: string) {
    super(`invalid role_session_name '${value}' in profile '${profile}': it must be 2 to 64 characters from A-Z a-z 0-9 _ + = , . @ -`, {
      hint: `fix role_session_name in [profile ${profile}], or remove it to use '${getDefaultSessionName(profile)}'`,
    });
    this.profile = profile;
    this.value = value;
  }
}

export interface SessionNameChoice {
  value: string;
  source: string;
}

/** Resolve the RoleSessionName: `role_session_name` of the role, else `ROLE-rolesession` made valid. */
export function resolveRoleSessionName(profile: string, properties: PropertyMap): SessionNameChoice {
  const configured = properties.get('role_session_name');
  if (configured === undefined || configured === '') {
    return { value: getDefaultSessionName(profile), source: 'the default' };
  }
  if (!SESSION_NAME_PATTERN.test(configured)) {
    throw new InvalidRoleSessionNameError(profile, configured);
  }
  return { value: configured, source: 'role_session_name' };
}

/**
 * Build the default name: the stored session's profile name, with every character that AWS
 * rejects (such as `/`, `%` or `:`, which profile names allow) replaced by `-`, cut to 64.
 */
export function getDefaultSessionName(profile: string): string {
  return `${profile}${ROLE_SESSION_SUFFIX}`.replace(/[^\w+=,.@-]/g, '-').slice(0, MAX_SESSION_NAME_LENGTH);
}
