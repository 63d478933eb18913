import { AwsmfaError } from '../errors.js';

/** Partitions whose IAM role ARNs awsmfa accepts. */
export const ROLE_ARN_PARTITIONS = ['aws', 'aws-cn', 'aws-us-gov'] as const;

/**
 * `arn:PARTITION:iam::ACCOUNT:role/PATH/NAME`. IAM allows path characters from `!` to DEL and
 * role names of 1 to 64 characters from `[\w+=,.@-]`.
 */
const ROLE_ARN_PATTERN = /^arn:(aws|aws-cn|aws-us-gov):iam::(\d{12}):role\/((?:[\x21-\x7f]+\/)*)([\w+=,.@-]{1,64})$/;

export interface RoleArn {
  partition: string;
  account: string;
  /** Role path without the leading and trailing slash, or '' for the root path. */
  path: string;
  /** Role name, the last part of the ARN, which IAM GetRole takes. */
  name: string;
}

export class InvalidRoleArnError extends AwsmfaError {
  readonly profile: string;
  readonly value: string;

  constructor(profile: string, value: string) {
    super(`invalid role_arn '${value}' in profile '${profile}'`, {
      hint: `a role ARN has the form arn:PARTITION:iam::ACCOUNT:role/NAME (or role/PATH/NAME) with a 12-digit account, where PARTITION is one of ${ROLE_ARN_PARTITIONS.join(', ')}`,
    });
    this.profile = profile;
    this.value = value;
  }
}

/** Parse a role ARN, or throw InvalidRoleArnError naming the profile that contains it. */
export function parseRoleArn(value: string, profile: string): RoleArn {
  const match = ROLE_ARN_PATTERN.exec(value);
  if (match === null) {
    throw new InvalidRoleArnError(profile, value);
  }
  const [, partition, account, path, name] = match as unknown as [string, string, string, string, string];
  return { partition, account, path: path.replace(/\/$/, ''), name };
}
