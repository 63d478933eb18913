import { AwsmfaError } from '../errors.js';
import type { StaticCredentials } from '../aws/types.js';
import type { PropertyMap } from '../ini/view.js';
import { registerSecret } from '../log.js';

export class EnvironmentCredentialsMissingError extends AwsmfaError {
  readonly profile: string;

  constructor(profile: string) {
    super(`role '${profile}' has credential_source = Environment, but AWS_ACCESS_KEY_ID and AWS_SECRET_ACCESS_KEY are not both set`, {
      hint: 'export both variables in this shell, or set source_profile = PROFILE in the role instead',
    });
    this.profile = profile;
  }
}

/** Read the keys of a profile (long-term keys or a stored session) and register the secrets for redaction. */
export function readProfileCredentials(properties: PropertyMap): StaticCredentials {
  const credentials: StaticCredentials = {
    accessKeyId: properties.get('aws_access_key_id') ?? '',
    secretAccessKey: properties.get('aws_secret_access_key') ?? '',
  };
  const token = properties.get('aws_session_token');
  if (token) {
    credentials.sessionToken = token;
  }
  registerSecret(credentials.secretAccessKey);
  registerSecret(token);
  return credentials;
}

/**
 * Read keys from AWS_ACCESS_KEY_ID, AWS_SECRET_ACCESS_KEY and AWS_SESSION_TOKEN, for roles with
 * `credential_source = Environment`. They are read from the environment only, never from argv.
 */
export function readEnvironmentCredentials(env: NodeJS.ProcessEnv, profile: string): StaticCredentials {
  const accessKeyId = env.AWS_ACCESS_KEY_ID;
  const secretAccessKey = env.AWS_SECRET_ACCESS_KEY;
  if (!accessKeyId || !secretAccessKey) {
    throw new EnvironmentCredentialsMissingError(profile);
  }
  const credentials: StaticCredentials = { accessKeyId, secretAccessKey };
  if (env.AWS_SESSION_TOKEN) {
    credentials.sessionToken = env.AWS_SESSION_TOKEN;
  }
  registerSecret(secretAccessKey);
  registerSecret(env.AWS_SESSION_TOKEN);
  return credentials;
}
