import { UsageError } from '../errors.js';

export const POLICY_MODES = ['enforce', 'allow', 'open'] as const;
export type PolicyMode = (typeof POLICY_MODES)[number];

interface Statement {
  Sid: string;
  Effect: 'Allow' | 'Deny';
  Action?: string[];
  NotAction?: string[];
  Resource: string | string[];
  Condition?: Record<string, Record<string, string>>;
}

const OWN_USER = 'arn:aws:iam::*:user/${aws:username}';
const OWN_DEVICE = 'arn:aws:iam::*:mfa/${aws:username}';

/** Calls a user needs before an MFA session exists: to see, create and enable their own device and start a session. */
const SELF_SERVICE_ACTIONS = [
  'iam:GetUser',
  'iam:ListMFADevices',
  'iam:ListVirtualMFADevices',
  'iam:CreateVirtualMFADevice',
  'iam:DeleteVirtualMFADevice',
  'iam:EnableMFADevice',
  'iam:ResyncMFADevice',
  'iam:ChangePassword',
  'iam:GetAccessKeyLastUsed',
  'sts:GetCallerIdentity',
  'sts:GetSessionToken',
];

/**
 * Build an example IAM policy for users of awsmfa. `enforce` denies everything but device
 * self-service until the user has an MFA session. `allow` grants all actions with MFA only.
 * `open` grants the self-service part alone, so that users can set up a device first. In
 * `enforce` and `allow`, deactivating a device needs MFA, so stolen keys alone cannot remove it.
 */
export function buildPolicy(mode: PolicyMode): object {
  const statements: Statement[] = [...getSelfServiceStatements()];
  if (mode === 'enforce') {
    statements.push(getDeactivateStatement(), getDenyWithoutMfaStatement());
  } else if (mode === 'allow') {
    statements.push(getDeactivateStatement(), { Sid: 'AllowEverythingWithMfa', Effect: 'Allow', Action: ['*'], Resource: '*', Condition: MFA_PRESENT });
  }
  return { Version: '2012-10-17', Statement: statements };
}

export function parsePolicyMode(value: string | undefined): PolicyMode {
  const mode = value ?? 'enforce';
  if (!(POLICY_MODES as readonly string[]).includes(mode)) {
    throw new UsageError(`invalid policy mode '${mode}': must be one of ${POLICY_MODES.join(', ')}`);
  }
  return mode as PolicyMode;
}

const MFA_PRESENT = { Bool: { 'aws:MultiFactorAuthPresent': 'true' } };

function getSelfServiceStatements(): Statement[] {
  return [
    { Sid: 'ListDevicesWithoutMfa', Effect: 'Allow', Action: ['iam:ListVirtualMFADevices'], Resource: '*' },
    {
      Sid: 'ManageOwnDeviceWithoutMfa',
      Effect: 'Allow',
      Action: ['iam:CreateVirtualMFADevice', 'iam:DeleteVirtualMFADevice', 'iam:EnableMFADevice', 'iam:ResyncMFADevice', 'iam:ListMFADevices', 'iam:GetUser', 'iam:ChangePassword', 'iam:GetAccessKeyLastUsed'],
      Resource: [OWN_USER, OWN_DEVICE],
    },
    { Sid: 'StartSessionWithoutMfa', Effect: 'Allow', Action: ['sts:GetCallerIdentity', 'sts:GetSessionToken'], Resource: '*' },
  ];
}

function getDeactivateStatement(): Statement {
  return { Sid: 'DeactivateOwnDeviceWithMfa', Effect: 'Allow', Action: ['iam:DeactivateMFADevice'], Resource: [OWN_USER, OWN_DEVICE], Condition: MFA_PRESENT };
}

function getDenyWithoutMfaStatement(): Statement {
  return {
    Sid: 'DenyEverythingElseWithoutMfa',
    Effect: 'Deny',
    NotAction: SELF_SERVICE_ACTIONS,
    Resource: '*',
    Condition: { BoolIfExists: { 'aws:MultiFactorAuthPresent': 'false' } },
  };
}
