import type { SessionCredentials } from '../aws/types.js';
import type { AwsFilePaths } from '../files/paths.js';
import { updateDocuments } from '../files/store.js';
import { removeProperties, setProperties } from '../ini/edit.js';
import { AwsmfaError } from '../errors.js';
import { debug, redact } from '../log.js';

/** Keys of older tools that would contradict a renewed session: an old token and start time. */
const STALE_SESSION_KEYS = ['aws_security_token', 'aws_session_init_time'];

/** Write the session to `[NAME]` in credentials and `[profile NAME]` in config. */
export async function storeSession(paths: AwsFilePaths, name: string, session: SessionCredentials, region: string | undefined, output: string | undefined): Promise<void> {
  const expiry = Math.floor(session.expiration.getTime() / 1000);
  const configEntries: Array<[string, string]> = [];
  if (region) {
    configEntries.push(['region', region]);
  }
  if (output) {
    configEntries.push(['output', output]);
  }
  await updateDocuments(paths, {
    credentials: (doc) =>
      setProperties(removeProperties(doc, name, STALE_SESSION_KEYS), name, [
        ['aws_access_key_id', session.accessKeyId],
        ['aws_secret_access_key', session.secretAccessKey],
        ['aws_session_token', session.sessionToken],
        ['aws_session_expiry', String(expiry)],
        ['x_security_token_expires', new Date(expiry * 1000).toISOString().replace(/\.\d{3}Z$/, 'Z')],
      ]),
    ...(configEntries.length > 0 ? { config: (doc) => setProperties(doc, name, configEntries) } : {}),
  });
  debug(`stored session ${name} in ${paths.credentials}`);
}

/**
 * Store a session that STS has just returned. When storing fails (a lock held too long, a
 * file made read-only meanwhile), the session is still valid and its code is spent, so it is
 * kept for this shell, and the returned message explains why it was not stored.
 */
export async function storeSessionOrKeep(
  paths: AwsFilePaths,
  name: string,
  session: SessionCredentials,
  region: string | undefined,
  output: string | undefined,
): Promise<string | undefined> {
  try {
    await storeSession(paths, name, session, region, output);
    return undefined;
  } catch (error) {
    if (!(error instanceof AwsmfaError)) {
      throw error;
    }
    debug(`storing ${name} failed: ${error.name}`);
    return `awsmfa: ${name} was not stored (${redact(error.message)}); it is active in this shell only`;
  }
}
