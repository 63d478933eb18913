import { UsageError } from './errors.js';

/**
 * Options from AWSMFA_* environment variables: AWSMFA_EXPORT_SECRETS=1 sets
 * --export-secrets, and AWSMFA_NO_PERSIST=1 is the same as AWSMFA_PERSIST=0. Variables that
 * name no option are ignored, so a variable of another tool never breaks a command.
 */
export function readEnvFlag(env: NodeJS.ProcessEnv, option: string): boolean | undefined {
  const name = toVariableName(option);
  const direct = parseFlag(env[`AWSMFA_${name}`], `AWSMFA_${name}`);
  if (direct !== undefined) {
    return direct;
  }
  const negated = parseFlag(env[`AWSMFA_NO_${name}`], `AWSMFA_NO_${name}`);
  return negated === undefined ? undefined : !negated;
}

export function readEnvString(env: NodeJS.ProcessEnv, option: string): string | undefined {
  const value = env[`AWSMFA_${toVariableName(option)}`];
  return value === undefined || value === '' ? undefined : value;
}

function toVariableName(option: string): string {
  return option.toUpperCase().replaceAll('-', '_');
}

function parseFlag(value: string | undefined, name: string): boolean | undefined {
  if (value === undefined || value === '') {
    return undefined;
  }
  const normalized = value.toLowerCase();
  if (['1', 'true', 'yes', 'on'].includes(normalized)) {
    return true;
  }
  if (['0', 'false', 'no', 'off'].includes(normalized)) {
    return false;
  }
  throw new UsageError(`invalid ${name}=${JSON.stringify(value)}: must be 1 or 0 (true or false)`);
}

/** Parse a length in seconds from an option: digits only, given once. */
export function parseSecondsOption(value: unknown, option: string): number | undefined {
  if (value === undefined) {
    return undefined;
  }
  if (Array.isArray(value)) {
    throw new UsageError(`${option} was given ${value.length} times`, `give ${option} once`);
  }
  const text = String(value);
  if (!/^\d+$/.test(text)) {
    throw new UsageError(`invalid ${option} ${JSON.stringify(text)}: must be a whole number of seconds`, `for example ${option} 3600`);
  }
  return Number(text);
}
