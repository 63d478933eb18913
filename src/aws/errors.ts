import { AwsmfaError } from '../errors.js';
import { redact } from '../log.js';

/** STS rejected the one-time code: wrong, expired or already used. */
export class InvalidTokenCodeError extends AwsmfaError {}
export class InvalidAccessKeyError extends AwsmfaError {}
export class SignatureMismatchError extends AwsmfaError {}
export class ExpiredTokenError extends AwsmfaError {}
export class AccessDeniedError extends AwsmfaError {
  readonly action: string;

  constructor(action: string, message: string, hint: string, cause: unknown) {
    super(message, { hint, cause });
    this.action = action;
  }
}
export class ThrottledError extends AwsmfaError {}
export class EndpointUnreachableError extends AwsmfaError {}

const NETWORK_CODES = new Set(['ECONNREFUSED', 'ENOTFOUND', 'ETIMEDOUT', 'ECONNRESET', 'EHOSTUNREACH', 'ENETUNREACH', 'EAI_AGAIN']);

interface SdkErrorShape {
  name?: string;
  code?: string;
  message?: string;
  Code?: string;
}

/** Turn an SDK or network error into one of awsmfa's errors with a plain message and next step. */
export function mapAwsError(error: unknown, action: string, endpoint: string): Error {
  if (error instanceof AwsmfaError) {
    return error;
  }
  const shape = (error ?? {}) as SdkErrorShape;
  const name = shape.name ?? shape.Code ?? '';
  const message = redact(shape.message ?? String(error));

  if (NETWORK_CODES.has(shape.code ?? '') || name === 'TimeoutError' || /ECONNREFUSED|ENOTFOUND/.test(message)) {
    return new EndpointUnreachableError(`cannot reach ${endpoint} for ${action} (${shape.code ?? name})`, {
      hint: 'check your network connection, proxy settings and AWS_ENDPOINT_URL, then try again',
      cause: error,
    });
  }
  return mapServiceError(name, message, action, error);
}

function mapServiceError(name: string, message: string, action: string, cause: unknown): Error {
  if (/MultiFactorAuthentication failed|invalid MFA one time pass code/i.test(message)) {
    return new InvalidTokenCodeError('the MFA code was rejected by AWS', {
      hint: 'enter the current code from your device; a code that was used once cannot be used again, so wait for the next one',
      cause,
    });
  }
  switch (name) {
    case 'InvalidClientTokenId':
      return new InvalidAccessKeyError('AWS does not know the access key id of this profile', {
        hint: 'check aws_access_key_id in the credentials file; the key may have been deleted or deactivated in IAM',
        cause,
      });
    case 'SignatureDoesNotMatch':
      return new SignatureMismatchError('the secret access key does not match the access key id', {
        hint: 'check aws_secret_access_key in the credentials file for a typo or a missing character',
        cause,
      });
    case 'ExpiredToken':
    case 'ExpiredTokenException':
      return new ExpiredTokenError('the session token has expired', { hint: 'start a new session with `awsmfa use PROFILE`', cause });
    case 'AccessDenied':
    case 'AccessDeniedException':
      return new AccessDeniedError(action, `access denied for ${action}: ${message}`, `ask an administrator to allow ${action} for this user, or use a profile that is allowed`, cause);
    case 'Throttling':
    case 'ThrottlingException':
    case 'TooManyRequestsException':
      return new ThrottledError(`AWS throttled ${action} after several retries`, { hint: 'wait a minute and try again', cause });
    default:
      return new AwsmfaError(`${action} failed: ${name ? `${name}: ` : ''}${message}`, { hint: 'run again with --debug for details', cause });
  }
}
