import { AwsmfaError } from '../errors.js';
import type { PropertyMap, ProfileView } from '../ini/view.js';
import { getProfileKind, hasStaticKeys } from './catalog.js';
import { parseRoleArn, type RoleArn } from './role-arn.js';

/** `credential_source` values that the AWS SDKs accept. */
export const CREDENTIAL_SOURCES = ['Environment', 'Ec2InstanceMetadata', 'EcsContainer'] as const;

/** One role profile in a chain. */
export interface RoleLink {
  name: string;
  properties: PropertyMap;
  roleArn: string;
  arn: RoleArn;
}

/** The credentials that sign the AssumeRole call of the last role in a chain. */
export type ChainRoot =
  | { kind: 'profile'; name: string; properties: PropertyMap }
  | { kind: 'environment' };

export interface RoleChain {
  /** The requested role first, then its source role, and so on to the role that the root calls. */
  roles: RoleLink[];
  root: ChainRoot;
}

export class ProfileCycleError extends AwsmfaError {
  /** Every profile visited, from the requested one to the repeated one. */
  readonly chain: string[];

  constructor(chain: string[]) {
    super(`source_profile of '${chain[0]}' forms a loop: ${chain.join(' -> ')}`, {
      hint: 'change source_profile in one of these profiles so that the chain ends at a profile with keys',
    });
    this.chain = chain;
  }
}

export class SourceProfileMissingError extends AwsmfaError {
  readonly profile: string;
  readonly source: string;

  constructor(profile: string, source: string) {
    super(`profile '${profile}' has source_profile = ${source}, but profile '${source}' is not defined in the config or credentials file`, {
      hint: `add a profile '${source}' with keys, or point source_profile of '${profile}' to an existing profile (\`awsmfa list\` shows them)`,
    });
    this.profile = profile;
    this.source = source;
  }
}

/** A role profile with neither `source_profile` nor `credential_source`, or with both. */
export class RoleSourceInvalidError extends AwsmfaError {
  readonly profile: string;

  constructor(profile: string, problem: string) {
    super(`role profile '${profile}' ${problem}`, {
      hint: `set exactly one of source_profile = PROFILE (a profile with keys, or another role) or credential_source = Environment in [profile ${profile}]`,
    });
    this.profile = profile;
  }
}

/** A source that exists but that awsmfa cannot take credentials from. */
export class UnsupportedRoleSourceError extends AwsmfaError {
  readonly profile: string;
  readonly source: string;

  constructor(profile: string, source: string, hint: string) {
    super(`cannot start a session for '${profile}' because its credentials come from ${source}`, { hint });
    this.profile = profile;
    this.source = source;
  }
}

/** A source profile without keys or role_arn, or with only one of the two keys. */
export class SourceProfileUnusableError extends AwsmfaError {
  readonly profile: string;
  readonly source: string;

  constructor(profile: string, source: string, problem: string) {
    super(`profile '${source}', the source_profile of '${profile}', ${problem}`, {
      hint: `add both keys to [${source}] in the credentials file, or point source_profile of '${profile}' to a profile with keys`,
    });
    this.profile = profile;
    this.source = source;
  }
}

export class InvalidCredentialSourceError extends AwsmfaError {
  readonly profile: string;
  readonly value: string;

  constructor(profile: string, value: string) {
    super(`invalid credential_source in profile '${profile}': must be one of ${CREDENTIAL_SOURCES.join(', ')}, got '${value}'`, {
      hint: `fix credential_source in [profile ${profile}], or use source_profile = PROFILE instead`,
    });
    this.profile = profile;
    this.value = value;
  }
}

/**
 * Follow `source_profile` from a role profile to the profile whose keys sign the first
 * AssumeRole call, validating every role ARN on the way. Throws before any request or prompt,
 * so a broken chain never costs the user a code and never writes a file.
 */
export function resolveRoleChain(view: ProfileView, profile: string): RoleChain {
  const roles: RoleLink[] = [];
  const visited: string[] = [];
  let name = profile;

  for (;;) {
    const properties = view.profiles.get(name) as PropertyMap;
    visited.push(name);
    roles.push(readRoleLink(name, properties));

    const next = resolveSource(view, name, properties, visited);
    if (next.kind !== 'role') {
      return { roles, root: next.root };
    }
    name = next.name;
  }
}

/** Return the requested role and its source profiles in order, the list that region and output are inherited along. */
export function getChainProfiles(chain: RoleChain): string[] {
  const names = chain.roles.map((role) => role.name);
  return chain.root.kind === 'profile' && !names.includes(chain.root.name) ? [...names, chain.root.name] : names;
}

/** Describe the chain as `role -> source -> … -> root`, for messages. */
export function describeChain(chain: RoleChain): string {
  const names = chain.roles.map((role) => role.name);
  return [...names, chain.root.kind === 'profile' ? chain.root.name : 'the environment'].join(' -> ');
}

function readRoleLink(name: string, properties: PropertyMap): RoleLink {
  const roleArn = properties.get('role_arn') ?? '';
  return { name, properties, roleArn, arn: parseRoleArn(roleArn, name) };
}

type SourceStep = { kind: 'role'; name: string } | { kind: 'root'; root: ChainRoot };

/**
 * Find where a role's credentials come from. The checks run in the order that the smithy-rs
 * profile-chain test vectors expect, which the AWS SDKs share.
 */
function resolveSource(view: ProfileView, role: string, properties: PropertyMap, visited: string[]): SourceStep {
  const source = properties.get('source_profile');
  const credentialSource = properties.get('credential_source');

  if (source && credentialSource) {
    throw new RoleSourceInvalidError(role, 'sets both source_profile and credential_source');
  }
  if (credentialSource) {
    return { kind: 'root', root: resolveCredentialSource(role, credentialSource) };
  }
  if (!source) {
    throw describeMissingSource(role, properties);
  }
  // A role may name itself when it also has keys: the SDKs then sign with those keys.
  if (source === role && hasStaticKeys(properties)) {
    return { kind: 'root', root: { kind: 'profile', name: source, properties } };
  }
  if (visited.includes(source)) {
    throw new ProfileCycleError([...visited, source]);
  }
  const sourceProperties = view.profiles.get(source);
  if (sourceProperties === undefined) {
    throw new SourceProfileMissingError(role, source);
  }
  // Keys win over role_arn in a source profile, as in the SDKs, so a stored session works too.
  if (hasStaticKeys(sourceProperties)) {
    return { kind: 'root', root: { kind: 'profile', name: source, properties: sourceProperties } };
  }
  if (sourceProperties.has('role_arn') && !sourceProperties.has('web_identity_token_file')) {
    return { kind: 'role', name: source };
  }
  throw describeUnusableSource(role, source, sourceProperties);
}

function resolveCredentialSource(role: string, value: string): ChainRoot {
  if (value === 'Environment') {
    return { kind: 'environment' };
  }
  if (value === 'Ec2InstanceMetadata' || value === 'EcsContainer') {
    throw new UnsupportedRoleSourceError(role, `credential_source = ${value}`, `those credentials exist only inside the instance or container; run the AWS CLI or SDK there with --profile ${role}`);
  }
  throw new InvalidCredentialSourceError(role, value);
}

function describeMissingSource(role: string, properties: PropertyMap): AwsmfaError {
  if (properties.has('web_identity_token_file')) {
    return new UnsupportedRoleSourceError(role, 'a web identity token file', `the AWS CLI and SDKs assume such roles by themselves; use --profile ${role} with them`);
  }
  return new RoleSourceInvalidError(role, 'has neither source_profile nor credential_source');
}

function describeUnusableSource(role: string, source: string, properties: PropertyMap): AwsmfaError {
  const kind = getProfileKind(source, properties);
  if (kind === 'sso' || kind === 'process' || properties.has('web_identity_token_file')) {
    return new UnsupportedRoleSourceError(role, `profile '${source}', which uses ${describeCredentialKind(kind)}`, `the AWS CLI and SDKs handle such chains by themselves; use --profile ${role} with them`);
  }
  const partialKeys = properties.has('aws_access_key_id') || properties.has('aws_secret_access_key');
  const problem = partialKeys ? 'has only one of aws_access_key_id and aws_secret_access_key' : 'has no keys and no role_arn';
  return new SourceProfileUnusableError(role, source, problem);
}

function describeCredentialKind(kind: string): string {
  if (kind === 'sso') {
    return 'IAM Identity Center (SSO)';
  }
  return kind === 'process' ? 'credential_process' : 'a web identity token file';
}
