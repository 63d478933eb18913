import type { StaticCredentials } from '../aws/types.js';
import type { RenderPlan } from '../shell/plan.js';

export const KEY_VARIABLES = ['AWS_ACCESS_KEY_ID', 'AWS_SECRET_ACCESS_KEY', 'AWS_SESSION_TOKEN', 'AWS_SECURITY_TOKEN'];
export const PROFILE_VARIABLES = ['AWS_PROFILE', 'AWS_DEFAULT_PROFILE'];
export const REGION_VARIABLES = ['AWS_REGION', 'AWS_DEFAULT_REGION', 'AWS_DEFAULT_OUTPUT'];
export const EXPIRY_VARIABLES = [
  'AWS_CREDENTIAL_EXPIRATION',
  'AWS_SESSION_EXPIRATION',
  'AWS_SESSION_EXPIRY',
  'AWS_SESSION_TYPE',
  'AWS_SESSION_IDENT',
  'AWS_PROFILE_IDENT',
];
/** Variables that the older bash scripts set and that no longer mean anything. */
export const LEGACY_VARIABLES = ['AWS_SESSION_INIT_TIME', 'AWS_SESSION_DURATION'];

/** Every variable that activation may set; `clear` removes all of them. */
export const SESSION_VARIABLES = [...KEY_VARIABLES, ...PROFILE_VARIABLES, ...REGION_VARIABLES, ...EXPIRY_VARIABLES, ...LEGACY_VARIABLES];

export interface SessionInfo {
  type: 'mfasession' | 'rolesession';
  /** Name of the session profile, e.g. `dev-mfasession`. */
  name: string;
  /** Expiry in epoch seconds. */
  expiry: number;
}

export interface Activation {
  /** The profile that is selected: a session profile or a base profile. */
  profile: string;
  /** The base profile or role the selection belongs to, for AWS_PROFILE_IDENT. */
  ident: string;
  /** Keys to export; when absent the profile is selected by reference with AWS_PROFILE. */
  credentials?: StaticCredentials;
  session?: SessionInfo;
  region?: string;
  output?: string;
  messages?: string[];
}

/**
 * Build the environment changes for an activation. Every session variable that is not set
 * is removed, so the environment never mixes the new selection with an earlier one.
 */
export function buildActivationPlan(activation: Activation): RenderPlan {
  const set: Array<[string, string]> = [];

  if (activation.credentials === undefined) {
    set.push(['AWS_PROFILE', activation.profile], ['AWS_DEFAULT_PROFILE', activation.profile]);
  } else {
    set.push(['AWS_ACCESS_KEY_ID', activation.credentials.accessKeyId], ['AWS_SECRET_ACCESS_KEY', activation.credentials.secretAccessKey]);
    if (activation.credentials.sessionToken) {
      set.push(['AWS_SESSION_TOKEN', activation.credentials.sessionToken]);
    }
  }
  if (activation.region) {
    set.push(['AWS_REGION', activation.region], ['AWS_DEFAULT_REGION', activation.region]);
  }
  if (activation.output) {
    set.push(['AWS_DEFAULT_OUTPUT', activation.output]);
  }
  set.push(...getSessionVariables(activation));

  const setNames = new Set(set.map(([name]) => name));
  const unset = SESSION_VARIABLES.filter((name) => !setNames.has(name));
  return { unset, set, messages: activation.messages ?? [] };
}

function getSessionVariables(activation: Activation): Array<[string, string]> {
  const variables: Array<[string, string]> = [['AWS_PROFILE_IDENT', activation.ident]];
  const session = activation.session;

  if (session !== undefined) {
    const iso = new Date(session.expiry * 1000).toISOString().replace(/\.\d{3}Z$/, 'Z');
    variables.push(
      ['AWS_CREDENTIAL_EXPIRATION', iso],
      ['AWS_SESSION_EXPIRATION', iso],
      ['AWS_SESSION_EXPIRY', String(session.expiry)],
      ['AWS_SESSION_TYPE', session.type],
      ['AWS_SESSION_IDENT', session.name],
    );
  }
  return variables;
}
