import { UnsafeShellValueError } from '../errors.js';
import { describeCharacter } from '../shell/quote-cmd.js';
import { renderPlan, assertEnvName } from '../shell/render.js';
import { SHELL_KINDS, type RenderPlan } from '../shell/plan.js';

/** Output formats of `awsmfa env`: the shells, a dotenv file, or a JSON object. */
export const ENV_FORMATS = [...SHELL_KINDS, 'dotenv', 'json'] as const;

export type EnvFormat = (typeof ENV_FORMATS)[number];

/**
 * Characters that a single-quoted dotenv value cannot contain. python-dotenv reads `\'` and `\\`
 * as escapes there (its parser.py), and other readers end the value at the quote. Every reader
 * ends it at a line break. Readers that expand variables (such as dotenv-expand) may replace
 * `$NAME` and `${NAME}`.
 */
const DOTENV_UNSAFE = /['\\\r\n\0$]/;

/**
 * Render a plan in `format`. Shells get the whole plan, unsets included, without messages. dotenv
 * and json can only set variables, so they get the variables to set.
 *
 * @throws UnsafeShellValueError when a value cannot be written in the format.
 */
export function formatEnvironment(format: EnvFormat, plan: RenderPlan): string {
  if (format === 'dotenv') {
    return renderDotenv(plan.set);
  }
  if (format === 'json') {
    return renderJson(plan.set);
  }
  return renderPlan(format, { ...plan, messages: [] });
}

/**
 * Render one `NAME='value'` line per variable. Single quotes keep `#`, `"`, `` ` `` and spaces as
 * written (the dotenv npm package's test fixtures show this), and values with a character of
 * DOTENV_UNSAFE are rejected, because no quoting keeps them intact in every reader.
 */
export function renderDotenv(variables: Array<[string, string]>): string {
  return variables.map(([name, value]) => `${name}=${quoteDotenv(name, value)}\n`).join('');
}

function quoteDotenv(name: string, value: string): string {
  assertEnvName(name);
  const unsafe = DOTENV_UNSAFE.exec(value);
  if (unsafe !== null) {
    const place = `${describeCharacter(unsafe[0])} at position ${unsafe.index + 1}`;
    throw new UnsafeShellValueError('dotenv', name, `value contains ${place}, which a single-quoted dotenv value cannot contain`, 'use --format json, or a shell format');
  }
  return `'${value}'`;
}

/** Render the variables to set as a JSON object, with strings as JSON.stringify encodes them. */
export function renderJson(variables: Array<[string, string]>): string {
  const object: Record<string, string> = Object.create(null) as Record<string, string>;
  for (const [name, value] of variables) {
    assertEnvName(name);
    object[name] = value;
  }
  return `${JSON.stringify(object, null, 2)}\n`;
}
