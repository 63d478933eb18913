import t from 'tap';
import {
  AccessDeniedError,
  EndpointUnreachableError,
  ExpiredTokenError,
  InvalidAccessKeyError,
  InvalidTokenCodeError,
  mapAwsError,
  SignatureMismatchError,
  ThrottledError,
} from '../../src/aws/errors.js';
import { AwsmfaError } from '../../src/errors.js';

const ENDPOINT = 'http://127.0.0.1:1';

function sdkError(name: string, message: string): Error {
  const error = new Error(message);
  error.name = name;
  return error;
}

t.test('mapAwsError', async (t) => {
  const cases: Array<[string, Error, new (...args: never[]) => Error, RegExp]> = [
    ['wrong code', sdkError('AccessDenied', 'MultiFactorAuthentication failed with invalid MFA one time pass code.'), InvalidTokenCodeError, /used once/],
    ['unknown key id', sdkError('InvalidClientTokenId', 'The security token included in the request is invalid.'), InvalidAccessKeyError, /aws_access_key_id/],
    ['signature mismatch', sdkError('SignatureDoesNotMatch', 'The request signature we calculated does not match'), SignatureMismatchError, /aws_secret_access_key/],
    ['expired token', sdkError('ExpiredToken', 'The security token included in the request is expired'), ExpiredTokenError, /awsmfa use/],
    ['access denied', sdkError('AccessDenied', 'User: arn:aws:iam::123456789012:user/a is not authorized'), AccessDeniedError, /allow sts:GetSessionToken/],
    ['throttling', sdkError('Throttling', 'Rate exceeded'), ThrottledError, /wait a minute/],
  ];
  for (const [name, input, type, hint] of cases) {
    const mapped = mapAwsError(input, 'sts:GetSessionToken', ENDPOINT);
    t.type(mapped, type, `${name} maps to ${type.name}`);
    t.match((mapped as AwsmfaError).hint, hint, `${name} hint gives the next step`);
    t.equal((mapped as AwsmfaError).cause, input, `${name} keeps the SDK error as cause`);
  }
});

t.test('mapAwsError network failures', async (t) => {
  for (const code of ['ECONNREFUSED', 'ENOTFOUND', 'ETIMEDOUT']) {
    const error = Object.assign(new Error(`connect ${code}`), { code });
    const mapped = mapAwsError(error, 'sts:GetSessionToken', ENDPOINT);
    t.type(mapped, EndpointUnreachableError, `${code} is unreachable`);
    t.match(mapped.message, ENDPOINT, `${code} message names the endpoint`);
  }
});

t.test('mapAwsError unknown errors', async (t) => {
  const mapped = mapAwsError(sdkError('ValidationError', 'bad input'), 'sts:AssumeRole', ENDPOINT);
  t.type(mapped, AwsmfaError, 'becomes an AwsmfaError');
  t.match(mapped.message, /sts:AssumeRole failed: ValidationError: bad input/, 'names the action and the code');
});

t.test('mapAwsError redacts', async (t) => {
  const secret = `${'Q'.repeat(20)}/${'r'.repeat(19)}`;
  const mapped = mapAwsError(sdkError('ValidationError', `value ${secret} rejected`), 'sts:AssumeRole', ENDPOINT);
  t.notMatch(mapped.message, secret, 'a secret-shaped value never reaches the message');
});

t.test('mapAwsError keeps own errors', async (t) => {
  const own = new AwsmfaError('already mapped');
  t.equal(mapAwsError(own, 'sts:GetSessionToken', ENDPOINT), own);
});
