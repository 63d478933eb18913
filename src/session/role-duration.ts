import { AwsmfaError, EXIT_USAGE } from '../errors.js';
import type { PropertyMap } from '../ini/view.js';
import { checkDuration, type DurationChoice } from './duration.js';

/** AssumeRole's upper bound (12 hours). A role's MaxSessionDuration may be lower. */
export const MAX_ROLE_DURATION_SECONDS = 43_200;
/** AssumeRole's default length, and the minimum MaxSessionDuration of any role. */
export const DEFAULT_ROLE_DURATION_SECONDS = 3_600;
/** AWS limits a session of a role assumed with another role's session to 1 hour. */
export const MAX_CHAINED_DURATION_SECONDS = 3_600;

export interface RoleDurationChoice extends DurationChoice {
  /** The longer length that was requested, when role chaining cut it to 3600 s. */
  cappedFrom?: number;
}

export class RoleDurationTooLongError extends AwsmfaError {
  readonly profile: string;
  readonly seconds: number;
  readonly maximum: number;

  constructor(profile: string, choice: DurationChoice, maximum: number) {
    super(`session duration ${choice.seconds} s from ${choice.source} is longer than the maximum of role '${profile}' (MaxSessionDuration ${maximum} s)`, {
      hint: `pass --duration ${maximum} or less, or ask an administrator to raise the role's maximum session duration`,
      exitCode: EXIT_USAGE,
    });
    this.profile = profile;
    this.seconds = choice.seconds;
    this.maximum = maximum;
  }
}

/**
 * Role session length: `--duration`, else `duration_seconds`, else the legacy `sessmax`, else
 * 3600 s. Checked against AssumeRole's bounds (900 to 43200 s) before any prompt. A chained
 * session is cut to 3600 s, which AWS enforces, and `cappedFrom` records what was asked.
 */
export function resolveRoleDuration(flag: number | undefined, properties: PropertyMap, chained: boolean): RoleDurationChoice {
  const choice = pickDuration(flag, properties);
  if (chained && choice.seconds > MAX_CHAINED_DURATION_SECONDS) {
    return { seconds: MAX_CHAINED_DURATION_SECONDS, source: choice.source, cappedFrom: choice.seconds };
  }
  return choice;
}

/** Reject a length above the role's MaxSessionDuration, when IAM GetRole returned one. */
export function checkRoleMaximum(profile: string, choice: DurationChoice, maximum: number | undefined): void {
  if (maximum !== undefined && choice.seconds > maximum) {
    throw new RoleDurationTooLongError(profile, choice, maximum);
  }
}

function pickDuration(flag: number | undefined, properties: PropertyMap): DurationChoice {
  const candidates: Array<[string | number | undefined, string]> = [
    [flag, '--duration'],
    [properties.get('duration_seconds'), 'duration_seconds'],
    [properties.get('sessmax'), 'sessmax'],
  ];
  for (const [value, source] of candidates) {
    if (value !== undefined && value !== '') {
      return { seconds: checkDuration(value, source, MAX_ROLE_DURATION_SECONDS), source };
    }
  }
  return { seconds: DEFAULT_ROLE_DURATION_SECONDS, source: 'the AssumeRole default' };
}
