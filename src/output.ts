import { redact } from './log.js';
import { renderPlan } from './shell/render.js';
import { isShellKind, type RenderPlan, type ShellKind } from './shell/plan.js';
import { quotePosix } from './shell/quote-posix.js';

export const ENV_WRAPPER = 'AWSMFA_WRAPPER';

/** Where stdout goes: a wrapper that evaluates it as `shell` code, or a terminal or pipe. */
export interface OutputTarget {
  wrapper: ShellKind | undefined;
  shell: ShellKind;
}

/** The shell the wrapper announced in AWSMFA_WRAPPER, else the login shell from $SHELL. */
export function detectOutputTarget(env: NodeJS.ProcessEnv): OutputTarget {
  const announced = env[ENV_WRAPPER];
  if (announced !== undefined && isShellKind(announced)) {
    return { wrapper: announced, shell: announced };
  }
  const login = (env.SHELL ?? '').split('/').pop() ?? '';
  return { wrapper: undefined, shell: isShellKind(login) ? login : 'bash' };
}

/**
 * Print an activation. Under the wrapper stdout gets the code alone. Called directly, the
 * parent shell cannot change, so the user learns how to install the function; the code is
 * still printed for `eval "$(awsmfa use …)"`, except to a terminal when it holds secrets.
 */
export function emitPlan(target: OutputTarget, plan: RenderPlan, hasSecrets: boolean): void {
  if (target.wrapper !== undefined) {
    process.stdout.write(renderPlan(target.wrapper, plan));
    return;
  }
  for (const message of plan.messages) {
    process.stderr.write(`${redact(message)}\n`);
  }
  process.stderr.write(describeDirectCall(target.shell));
  const code = renderPlan(target.shell, { ...plan, messages: [] });
  if (hasSecrets && process.stdout.isTTY) {
    process.stderr.write('awsmfa: the activation code holds secret keys, so it is not printed to the terminal\n');
    return;
  }
  process.stdout.write(code);
}

/** Print data (a list, a script): as is, or under the wrapper as code that prints it. */
export function emitData(target: OutputTarget, text: string): void {
  if (target.wrapper === undefined) {
    process.stdout.write(text);
    return;
  }
  process.stdout.write(renderPrintCode(target.wrapper, text));
}

function renderPrintCode(shell: ShellKind, text: string): string {
  // NOTE: only POSIX shells print data through the wrapper so far; others get nothing.
  if (shell === 'bash' || shell === 'zsh' || shell === 'sh') {
    return `printf '%s' ${quotePosix(text)}\n`;
  }
  return '';
}

function describeDirectCall(shell: ShellKind): string {
  return [
    'awsmfa: this command cannot change the current shell by itself; install the shell function:',
    `    eval "$(awsmfa init ${shell})"    # add this line to your shell's rc file`,
    '',
  ].join('\n');
}
