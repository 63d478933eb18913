import { hasStaticKeys } from '../profiles/catalog.js';
import type { DiagnosticCode } from './diagnostics.js';
import type { ProfileView, PropertyMap } from './view.js';

/** AWS partitions whose IAM ARNs awsmfa accepts: commercial, China and GovCloud (US). */
const PARTITIONS: ReadonlySet<string> = new Set(['aws', 'aws-cn', 'aws-us-gov']);
/** IAM role names: up to 64 of these characters (IAM API reference, CreateRole). */
const ROLE_NAME = /^[\w+=,.@-]{1,64}$/;
/** IAM paths: `/`, or printable ASCII between two slashes. */
const ROLE_PATH = /^\/(?:[\x21-\x7e]*\/)?$/;

export interface SourceProblem {
  code: DiagnosticCode;
  message: string;
  hint: string;
}

/** Describe why a role ARN is malformed, or return undefined for `arn:PARTITION:iam::ACCOUNT:role/[PATH/]NAME`. */
export function describeRoleArnProblem(arn: string): string | undefined {
  const parts = arn.split(':');
  if (parts.length !== 6 || parts[0] !== 'arn') {
    return `${quote(arn)} does not have the form arn:PARTITION:iam::ACCOUNT_ID:role/NAME`;
  }
  const [, partition = '', service = '', region = '', account = '', resource = ''] = parts;
  if (!PARTITIONS.has(partition)) {
    return `partition ${quote(partition)} is not one of aws, aws-cn, aws-us-gov`;
  }
  if (service !== 'iam') {
    return `service ${quote(service)} should be iam`;
  }
  if (region !== '') {
    return `IAM ARNs have no region, but this one has ${quote(region)}`;
  }
  if (!/^\d{12}$/.test(account)) {
    return `account ID ${quote(account)} is not 12 digits`;
  }
  return describeResourceProblem(resource);
}

function describeResourceProblem(resource: string): string | undefined {
  if (!resource.startsWith('role/')) {
    return `resource ${quote(resource)} does not start with role/`;
  }
  const slash = resource.lastIndexOf('/');
  const path = resource.slice('role'.length, slash + 1);
  const name = resource.slice(slash + 1);
  if (!ROLE_PATH.test(path)) {
    return `role path ${quote(path)} is not a valid IAM path`;
  }
  if (!ROLE_NAME.test(name)) {
    return `role name ${quote(name)} is not a valid IAM role name (up to 64 letters, digits and + = , . @ _ -)`;
  }
  return undefined;
}

/**
 * Follow `source_profile` from a role the way the SDKs do, and return the first problem.
 * A profile with `role_arn` and a source continues the chain, and its own keys are not used.
 * A profile that names itself uses its own keys. Any other profile must have credentials.
 */
export function findSourceProblem(view: ProfileView, role: string, source: string): SourceProblem | undefined {
  const chain = [role];
  let current = source;

  for (;;) {
    const properties = view.profiles.get(current);
    const previous = chain[chain.length - 1] as string;
    if (properties === undefined) {
      return describeMissing(role, chain, current);
    }
    if (current === previous) {
      return hasStaticKeys(properties) ? undefined : describeWithoutCredentials(role, current);
    }
    if (chain.includes(current)) {
      return describeCycle(role, [...chain, current]);
    }
    chain.push(current);
    const next = properties.get('role_arn') === undefined ? undefined : properties.get('source_profile');
    if (next === undefined) {
      return hasCredentials(properties) ? undefined : describeWithoutCredentials(role, current);
    }
    current = next;
  }
}

/** Check for any way the SDKs can get credentials from a profile without following source_profile. */
function hasCredentials(properties: PropertyMap): boolean {
  const sources = ['credential_process', 'sso_session', 'sso_start_url', 'web_identity_token_file', 'credential_source'];
  return hasStaticKeys(properties) || sources.some((key) => properties.get(key));
}

function describeMissing(role: string, chain: string[], missing: string): SourceProblem {
  const via = chain.length > 1 ? ` (via ${chain.slice(1).join(' -> ')})` : '';
  return {
    code: 'role-source-missing',
    message: `role profile '${role}' uses source_profile '${missing}'${via}, which is not defined in the config or credentials file`,
    hint: `add a [${missing}] section with keys to the credentials file, or set source_profile to an existing profile`,
  };
}

function describeWithoutCredentials(role: string, source: string): SourceProblem {
  return {
    code: 'role-source-without-credentials',
    message: `source profile '${source}' of role '${role}' has no credentials (no keys, credential_process, SSO or source of its own)`,
    hint: `add aws_access_key_id and aws_secret_access_key to [${source}] in the credentials file, or pick another source_profile`,
  };
}

function describeCycle(role: string, chain: string[]): SourceProblem {
  return {
    code: 'role-source-cycle',
    message: `source_profile of role '${role}' loops: ${chain.join(' -> ')}`,
    hint: 'point one source_profile in the loop at a profile with keys',
  };
}

function quote(text: string): string {
  return JSON.stringify(text);
}
