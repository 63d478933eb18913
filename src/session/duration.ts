import { UsageError } from '../errors.js';
import type { PropertyMap } from '../ini/view.js';

export const DEFAULT_DURATION_SECONDS = 32_400;
export const MIN_DURATION_SECONDS = 900;
/** GetSessionToken's maximum for IAM users (36 hours). */
export const MAX_MFA_DURATION_SECONDS = 129_600;

export interface DurationChoice {
  seconds: number;
  source: string;
}

/**
 * Session length: `--duration`, else `duration_seconds`, else the legacy `sessmax` or
 * `mfasec`, else the settings default, else 9 hours. Checked against AWS's bounds before
 * any prompt, so a bad value never costs the user a code.
 */
export function resolveMfaDuration(flag: number | undefined, properties: PropertyMap, settingsDefault: number | undefined): DurationChoice {
  const candidates: Array<[string | number | undefined, string]> = [
    [flag, '--duration'],
    [properties.get('duration_seconds'), 'duration_seconds'],
    [properties.get('sessmax'), 'sessmax'],
    [properties.get('mfasec'), 'mfasec'],
    [settingsDefault, 'the settings file'],
  ];
  for (const [value, source] of candidates) {
    if (value !== undefined && value !== '') {
      return { seconds: checkDuration(value, source, MAX_MFA_DURATION_SECONDS), source };
    }
  }
  return { seconds: DEFAULT_DURATION_SECONDS, source: 'the default' };
}

export function checkDuration(value: string | number, source: string, max: number): number {
  const seconds = typeof value === 'number' ? value : Number(value);
  if (!Number.isInteger(seconds) || seconds < MIN_DURATION_SECONDS || seconds > max) {
    throw new UsageError(
      `invalid session duration ${JSON.stringify(value)} from ${source}: must be a whole number of seconds from ${MIN_DURATION_SECONDS} to ${max}`,
      'pass --duration SECONDS or fix duration_seconds in the profile',
    );
  }
  return seconds;
}
