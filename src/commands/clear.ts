import { existsSync } from 'node:fs';
import { ENV_CONFIG_FILE, ENV_CREDENTIALS_FILE, getAwsFilePaths } from '../files/paths.js';
import { SESSION_VARIABLES } from '../session/activation.js';
import type { RenderPlan } from '../shell/plan.js';

/**
 * Variables that `clear` always removes: every variable activation may set, the older scripts'
 * AWS_SESSION_INIT_TIME and AWS_SESSION_DURATION, and AWS_SECURITY_TOKEN (an old name of
 * AWS_SESSION_TOKEN that some tools still read).
 */
export const CLEAR_VARIABLES: readonly string[] = [
  ...new Set([...SESSION_VARIABLES, 'AWS_SESSION_INIT_TIME', 'AWS_SESSION_DURATION', 'AWS_SECURITY_TOKEN']),
];

/** Variables that name the AWS files; `clear` keeps each while its file exists. */
const FILE_VARIABLES = [
  { name: ENV_CONFIG_FILE, kind: 'config' },
  { name: ENV_CREDENTIALS_FILE, kind: 'credentials' },
] as const;

export interface ClearInput {
  /** Also remove AWS_CONFIG_FILE and AWS_SHARED_CREDENTIALS_FILE while their files exist. */
  all: boolean;
}

/**
 * Build the plan that removes the session variables from the shell. Every name in
 * CLEAR_VARIABLES is removed, also when `env` does not show it (a shell variable that was never
 * exported). The messages list the ones that `env` had.
 */
export function runClear(input: ClearInput, env: NodeJS.ProcessEnv, fileExists: (path: string) => boolean = existsSync): RenderPlan {
  const unset = [...CLEAR_VARIABLES];
  const keptMessages: string[] = [];
  const paths = getAwsFilePaths(env);

  for (const variable of FILE_VARIABLES) {
    if (env[variable.name] === undefined) {
      continue;
    }
    if (input.all || !fileExists(paths[variable.kind])) {
      unset.push(variable.name);
    } else {
      keptMessages.push(`awsmfa: kept ${variable.name}, because ${paths[variable.kind]} exists; \`awsmfa clear --all\` removes it too`);
    }
  }
  const removed = unset.filter((name) => env[name] !== undefined);
  const summary = removed.length > 0 ? `awsmfa: removed ${removed.join(', ')}` : 'awsmfa: no AWS session variables were set';
  return { unset, set: [], messages: [summary, ...keptMessages] };
}
