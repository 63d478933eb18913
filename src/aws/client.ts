import { debug, maskKeyId, registerSecret } from '../log.js';
import { mapAwsError } from './errors.js';
import type { AssumeRoleInput, AwsApi, CallerIdentity, GetSessionTokenInput, MfaDevice, RoleDetails, SessionCredentials, StaticCredentials } from './types.js';

const DEFAULT_REGION = 'us-east-1';
/** Limits for opening a connection and for waiting for a response, so that a silent endpoint cannot hang the shell. */
const CONNECTION_TIMEOUT_MS = 5_000;
const REQUEST_TIMEOUT_MS = 10_000;

export interface AwsApiOptions {
  region?: string;
  env: NodeJS.ProcessEnv;
}

/**
 * Build the real STS and IAM adapter. The SDK modules are imported here, on first use, so
 * that commands which never call AWS (a live session, completion) do not load them.
 */
export function createAwsApi(options: AwsApiOptions): AwsApi {
  return {
    getSessionToken: (credentials, input) => callAws('sts:GetSessionToken', credentials, options, () => getSessionToken(credentials, input, options)),
    assumeRole: (credentials, input) => callAws('sts:AssumeRole', credentials, options, () => assumeRole(credentials, input, options)),
    getCallerIdentity: (credentials) => callAws('sts:GetCallerIdentity', credentials, options, () => getCallerIdentity(credentials, options)),
    listMfaDevices: (credentials) => callAws('iam:ListMFADevices', credentials, options, () => listMfaDevices(credentials, options)),
    getRole: (credentials, roleName) => callAws('iam:GetRole', credentials, options, () => getRole(credentials, roleName, options)),
  };
}

async function callAws<T>(action: string, credentials: StaticCredentials, options: AwsApiOptions, call: () => Promise<T>): Promise<T> {
  registerSecret(credentials.secretAccessKey);
  registerSecret(credentials.sessionToken);
  debug(`calling ${action} with access key ${maskKeyId(credentials.accessKeyId)} at ${describeEndpoint(options)}`);
  try {
    return await call();
  } catch (error) {
    throw mapAwsError(error, action, describeEndpoint(options));
  }
}

function clientConfig(credentials: StaticCredentials, options: AwsApiOptions, service: 'STS' | 'IAM') {
  const endpoint = options.env[`AWS_ENDPOINT_URL_${service}`] || options.env.AWS_ENDPOINT_URL || undefined;
  return {
    region: options.region || DEFAULT_REGION,
    credentials: { ...credentials },
    maxAttempts: 3,
    requestHandler: { connectionTimeout: CONNECTION_TIMEOUT_MS, requestTimeout: REQUEST_TIMEOUT_MS, throwOnRequestTimeout: true },
    ...(endpoint ? { endpoint } : {}),
  };
}

function describeEndpoint(options: AwsApiOptions): string {
  return options.env.AWS_ENDPOINT_URL_STS || options.env.AWS_ENDPOINT_URL || `the AWS endpoint for ${options.region || DEFAULT_REGION}`;
}

async function getSessionToken(credentials: StaticCredentials, input: GetSessionTokenInput, options: AwsApiOptions): Promise<SessionCredentials> {
  const { STSClient, GetSessionTokenCommand } = await import('@aws-sdk/client-sts');
  const client = new STSClient(clientConfig(credentials, options, 'STS'));
  const output = await client.send(
    new GetSessionTokenCommand({ DurationSeconds: input.durationSeconds, SerialNumber: input.serialNumber, TokenCode: input.tokenCode }),
  );
  return toSessionCredentials(output.Credentials);
}

async function assumeRole(credentials: StaticCredentials, input: AssumeRoleInput, options: AwsApiOptions): Promise<SessionCredentials> {
  const { STSClient, AssumeRoleCommand } = await import('@aws-sdk/client-sts');
  const client = new STSClient(clientConfig(credentials, options, 'STS'));
  const output = await client.send(
    new AssumeRoleCommand({
      RoleArn: input.roleArn,
      RoleSessionName: input.roleSessionName,
      ExternalId: input.externalId,
      SerialNumber: input.serialNumber,
      TokenCode: input.tokenCode,
      DurationSeconds: input.durationSeconds,
    }),
  );
  return toSessionCredentials(output.Credentials);
}

async function getCallerIdentity(credentials: StaticCredentials, options: AwsApiOptions): Promise<CallerIdentity> {
  const { STSClient, GetCallerIdentityCommand } = await import('@aws-sdk/client-sts');
  const client = new STSClient(clientConfig(credentials, options, 'STS'));
  const output = await client.send(new GetCallerIdentityCommand({}));
  return { account: output.Account ?? '', arn: output.Arn ?? '', userId: output.UserId ?? '' };
}

async function listMfaDevices(credentials: StaticCredentials, options: AwsApiOptions): Promise<MfaDevice[]> {
  const { IAMClient, ListMFADevicesCommand } = await import('@aws-sdk/client-iam');
  // AWS infers the user from the keys, but emulators may not, so the name is sent explicitly.
  const userName = getUserName((await getCallerIdentity(credentials, options)).arn);
  const client = new IAMClient(clientConfig(credentials, options, 'IAM'));
  const output = await client.send(new ListMFADevicesCommand(userName ? { UserName: userName } : {}));
  return (output.MFADevices ?? []).map((device) => ({ serialNumber: device.SerialNumber ?? '', userName: device.UserName }));
}

async function getRole(credentials: StaticCredentials, roleName: string, options: AwsApiOptions): Promise<RoleDetails> {
  const { IAMClient, GetRoleCommand } = await import('@aws-sdk/client-iam');
  const client = new IAMClient(clientConfig(credentials, options, 'IAM'));
  const output = await client.send(new GetRoleCommand({ RoleName: roleName }));
  const role = output.Role;
  return { arn: role?.Arn ?? '', maxSessionDuration: role?.MaxSessionDuration, trustPolicy: role?.AssumeRolePolicyDocument };
}

/** User name from an IAM user ARN (`arn:aws:iam::123456789012:user/path/name`); none for root. */
function getUserName(arn: string): string | undefined {
  const match = /^arn:[\w-]+:iam::\d{12}:user\/(?:.*\/)?([^/]+)$/.exec(arn);
  return match?.[1];
}

function toSessionCredentials(raw: { AccessKeyId?: string; SecretAccessKey?: string; SessionToken?: string; Expiration?: Date } | undefined): SessionCredentials {
  if (!raw?.AccessKeyId || !raw.SecretAccessKey || !raw.SessionToken || !raw.Expiration) {
    throw new Error('STS returned a response without complete credentials');
  }
  registerSecret(raw.SecretAccessKey);
  registerSecret(raw.SessionToken);
  return { accessKeyId: raw.AccessKeyId, secretAccessKey: raw.SecretAccessKey, sessionToken: raw.SessionToken, expiration: raw.Expiration };
}
