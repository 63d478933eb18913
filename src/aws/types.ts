/** Long-term or temporary keys used to sign a request. */
export interface StaticCredentials {
  accessKeyId: string;
  secretAccessKey: string;
  sessionToken?: string;
}

export interface SessionCredentials extends StaticCredentials {
  sessionToken: string;
  expiration: Date;
}

export interface GetSessionTokenInput {
  serialNumber?: string;
  tokenCode?: string;
  durationSeconds: number;
}

export interface AssumeRoleInput {
  roleArn: string;
  roleSessionName: string;
  externalId?: string;
  serialNumber?: string;
  tokenCode?: string;
  durationSeconds: number;
}

export interface CallerIdentity {
  account: string;
  arn: string;
  userId: string;
}

export interface MfaDevice {
  serialNumber: string;
  userName?: string;
}

/** Role details that IAM GetRole returns. */
export interface RoleDetails {
  arn: string;
  /** Maximum session length that AssumeRole grants for this role, in seconds. */
  maxSessionDuration?: number;
  /** The trust policy (AssumeRolePolicyDocument) as IAM returns it: URL-encoded JSON. */
  trustPolicy?: string;
}

/** The STS and IAM calls awsmfa makes; tests may pass fakes. */
export interface AwsApi {
  getSessionToken(credentials: StaticCredentials, input: GetSessionTokenInput): Promise<SessionCredentials>;
  assumeRole(credentials: StaticCredentials, input: AssumeRoleInput): Promise<SessionCredentials>;
  getCallerIdentity(credentials: StaticCredentials): Promise<CallerIdentity>;
  listMfaDevices(credentials: StaticCredentials): Promise<MfaDevice[]>;
  getRole(credentials: StaticCredentials, roleName: string): Promise<RoleDetails>;
}
