/** Debug logging on stderr, with every registered secret and every key-shaped value redacted. */

const secrets = new Set<string>();
let enabled = false;

export function setDebug(on: boolean): void {
  enabled = on;
}

export function isDebugEnabled(): boolean {
  return enabled;
}

/** Register a value that must never be printed: a secret key, session token or MFA code. */
export function registerSecret(value: string | undefined): void {
  if (value !== undefined && value.length >= 4) {
    secrets.add(value);
  }
}

export function debug(message: string): void {
  if (enabled) {
    process.stderr.write(`awsmfa[debug] ${redact(message)}\n`);
  }
}

/**
 * Replace registered secrets with `[redacted]` and mask access key ids to their last four
 * characters. Long base64-like runs (40+ characters, the shape of secret keys and session
 * tokens) are redacted even when nobody registered them.
 */
export function redact(text: string): string {
  let result = text;
  for (const secret of secrets) {
    result = result.split(secret).join('[redacted]');
  }
  result = result.replace(/\b(AKIA|ASIA)[A-Z0-9]{12}([A-Z0-9]{4})\b/g, '$1…$2');
  return result.replace(/[A-Za-z0-9/+=]{40,}/g, '[redacted]');
}

/** Mask an access key id to its last four characters. */
export function maskKeyId(keyId: string): string {
  return keyId.length > 4 ? `…${keyId.slice(-4)}` : '…';
}
