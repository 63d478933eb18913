/** Debug logging on stderr, with every registered secret and every key-shaped value redacted. */

const secrets = new Set<string>();
const codes = new Set<string>();
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

/**
 * Register a one-time code. A code is only six digits, so it is hidden where it appears as a
 * number of its own, never inside a longer number such as an account id.
 */
export function registerCode(code: string | undefined): void {
  if (code !== undefined && /^\d{6}$/.test(code)) {
    codes.add(code);
  }
}

export function debug(message: string): void {
  if (enabled) {
    process.stderr.write(`awsmfa[debug] ${redact(message)}\n`);
  }
}

/**
 * Replace registered secrets and codes with `[redacted]` and mask access key ids to their last
 * four characters. Long base64-like runs (40+ characters of mixed case and digits, the shape
 * of secret keys and session tokens) are redacted even when they were never registered.
 */
export function redact(text: string): string {
  let result = text;
  for (const secret of secrets) {
    result = result.split(secret).join('[redacted]');
  }
  for (const code of codes) {
    result = result.replace(new RegExp(`(?<!\\d)${code}(?!\\d)`, 'g'), '[redacted]');
  }
  result = result.replace(/\b(AKIA|ASIA)[A-Z0-9]{12}([A-Z0-9]{4})\b/g, '$1…$2');
  return result.replace(/[A-Za-z0-9/+=]{40,}/g, (run) => (looksLikeKey(run) ? '[redacted]' : run));
}

/** Secret keys and tokens mix upper case, lower case and digits; names and paths rarely do. */
function looksLikeKey(run: string): boolean {
  return /[A-Z]/.test(run) && /[a-z]/.test(run) && /[0-9/+]/.test(run);
}

/** Mask an access key id to its last four characters. */
export function maskKeyId(keyId: string): string {
  return keyId.length > 4 ? `…${keyId.slice(-4)}` : '…';
}
