import type { AwsApi, StaticCredentials } from '../aws/types.js';
import type { PropertyMap, ProfileView } from '../ini/view.js';
import { debug } from '../log.js';
import { describeProfile } from '../profiles/catalog.js';
import type { ChainRoot, RoleChain, RoleLink } from '../profiles/chain.js';
import type { CodeOptions } from './code-retry.js';
import type { SessionContext } from './context.js';
import { readEnvironmentCredentials, readProfileCredentials } from './credentials.js';
import { rememberMfaSerial, resolveMfaSerial } from './mfa-device.js';
import { describeStarted, startMfaSession, type StartedSession } from './mfa-session.js';
import type { CallerPlan, ViaChoice } from './role-caller.js';

/** Keys that sign AssumeRole, and the MFA device whose code goes with the call, if any. */
export interface Caller {
  credentials: StaticCredentials;
  device?: CodeOptions;
  /** One line for each session started to authenticate the call, oldest first. */
  startedFirst: string[];
}

export interface CallerOptions {
  code: string | undefined;
  via: ViaChoice | undefined;
  persist: boolean;
  quick: boolean;
  duration: number | undefined;
  /** Starts the source role's session; passed in because it is the caller of this module. */
  startSourceRole: (view: ProfileView, chain: RoleChain, options: CallerOptions, context: SessionContext) => Promise<StartedSession>;
}

/**
 * Turn a caller plan into keys, prompting or starting sessions where the plan requires it. A
 * session caller needs no code, except a role session when the role names its own device:
 * the SDKs send the role's `mfa_serial` with every AssumeRole call for that role.
 */
export async function acquireCaller(view: ProfileView, plan: CallerPlan, role: RoleLink, api: AwsApi, options: CallerOptions, context: SessionContext): Promise<Caller> {
  switch (plan.kind) {
    case 'session':
      return withRoleDevice(role, { credentials: readProfileCredentials(plan.session.properties), startedFirst: [] }, plan.chained, options, context);
    case 'source-role':
      return withRoleDevice(role, await startSource(view, plan.chain, options, context), true, options, context);
    case 'code':
      return { credentials: readRootCredentials(plan.root, role, context), device: await findDevice(plan.root, role, api, options, context), startedFirst: [] };
    case 'new-session':
      return startRootSession(view, plan.root, role, options, context);
    case 'keys':
      return { credentials: readRootCredentials(plan.root, role, context), startedFirst: [] };
  }
}

async function startSource(view: ProfileView, chain: RoleChain, options: CallerOptions, context: SessionContext): Promise<Caller> {
  const started = await options.startSourceRole(view, chain, options, context);
  return { credentials: started.credentials, startedFirst: [...started.startedFirst, describeStarted(started)] };
}

function withRoleDevice(role: RoleLink, caller: Caller, chained: boolean, options: CallerOptions, context: SessionContext): Caller {
  const serial = role.properties.get('mfa_serial');
  if (!chained || !serial) {
    return caller;
  }
  debug(`role ${role.name} sets mfa_serial, so its AssumeRole call carries a code`);
  // NOTE: a --code already spent on the source role is rejected here, because AWS accepts each code once.
  return { ...caller, device: { flag: options.code, mfaProcess: role.properties.get('mfa_process'), profile: role.name, serial, prompter: context.prompter } };
}

async function startRootSession(view: ProfileView, root: ChainRoot, role: RoleLink, options: CallerOptions, context: SessionContext): Promise<Caller> {
  if (root.kind !== 'profile') {
    return { credentials: readRootCredentials(root, role, context), startedFirst: [] };
  }
  const info = describeProfile(view, root.name, root.properties);
  const started = await startMfaSession(view, info, { code: options.code, duration: undefined, persist: options.persist }, context);
  if (started === undefined) {
    debug(`no code entered; using the keys of ${root.name} without MFA`);
    return { credentials: readProfileCredentials(root.properties), startedFirst: [] };
  }
  return { credentials: started.credentials, startedFirst: [describeStarted(started)] };
}

function readRootCredentials(root: ChainRoot, role: RoleLink, context: SessionContext): StaticCredentials {
  return root.kind === 'environment' ? readEnvironmentCredentials(context.env, role.name) : readProfileCredentials(root.properties);
}

/**
 * Find the device for a one-off code: `mfa_serial` of the role, else `mfa_serial` or the legacy
 * `mfa_arn` of the source, else the devices IAM lists for the caller.
 */
async function findDevice(root: ChainRoot, role: RoleLink, api: AwsApi, options: CallerOptions, context: SessionContext): Promise<CodeOptions> {
  const owner = getDeviceOwner(root, role);
  const device = await resolveMfaSerial({
    profile: owner.name,
    properties: owner.properties,
    credentials: readRootCredentials(root, role, context),
    api,
    prompter: context.prompter,
  });
  const serial = device.serial;
  // NOTE: unlike an MFA session, a role stores a picked device before the code is checked.
  if (device.chosen && options.persist) {
    await rememberMfaSerial(context.paths, owner.name, serial);
  }
  const mfaProcess = role.properties.get('mfa_process') ?? owner.properties.get('mfa_process');
  return { flag: options.code, mfaProcess, profile: owner.name, serial, prompter: context.prompter };
}

/** Pick the profile whose device setting counts: the role when it sets mfa_serial or has no source profile. */
function getDeviceOwner(root: ChainRoot, role: RoleLink): { name: string; properties: PropertyMap } {
  if (role.properties.get('mfa_serial') || root.kind !== 'profile') {
    return role;
  }
  return root;
}
