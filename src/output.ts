import { redact } from './log.js';
import { renderPlan } from './shell/render.js';
import { isShellKind, type RenderPlan, type ShellKind } from './shell/plan.js';
import { renderPrint } from './shell/print-text.js';

export const ENV_WRAPPER = 'AWSMFA_WRAPPER';

/** Destination of stdout: a wrapper that evaluates it as `shell` code, or a terminal or pipe. */
export interface OutputTarget {
  wrapper: ShellKind | undefined;
  shell: ShellKind;
}

/** Login shell names that differ from the ShellKind they speak. */
const SHELL_ALIASES: Record<string, ShellKind> = {
  dash: 'sh',
  ash: 'sh',
  ksh: 'sh',
  mksh: 'sh',
  pwsh: 'powershell',
};

/** How to install the wrapper for each shell, shown when a command needs it and runs without it. */
const INSTALL_LINES: Record<ShellKind, string[]> = {
  bash: ['eval "$(awsmfa init bash)"    # add this line to ~/.bashrc'],
  zsh: ['eval "$(awsmfa init zsh)"    # add this line to ~/.zshrc, after compinit'],
  sh: ['eval "$(awsmfa init sh)"    # add this line to ~/.profile or to the file that $ENV names'],
  fish: ['awsmfa init fish | source    # add this line to ~/.config/fish/config.fish'],
  // Invoke-Expression runs each piped string on its own, so Out-String joins the lines first.
  powershell: ['awsmfa init powershell | Out-String | Invoke-Expression    # add this line to $PROFILE'],
  cmd: [
    'awsmfa init cmd > "%USERPROFILE%\\awsmfa-init.cmd"',
    'then run that file in every cmd window, for example from the AutoRun value of HKCU\\Software\\Microsoft\\Command Processor',
  ],
};

/** The shell the wrapper announced in AWSMFA_WRAPPER, else the login shell from $SHELL. */
export function detectOutputTarget(env: NodeJS.ProcessEnv): OutputTarget {
  const announced = env[ENV_WRAPPER];
  if (announced !== undefined && isShellKind(announced)) {
    return { wrapper: announced, shell: announced };
  }
  const login = (env.SHELL ?? '').split('/').pop() ?? '';
  const shell = isShellKind(login) ? login : SHELL_ALIASES[login];
  return { wrapper: undefined, shell: shell ?? 'bash' };
}

/**
 * Print an activation. Under the wrapper stdout gets the code alone. Called directly, the
 * parent shell cannot change, so the user learns how to install the function; the code is
 * still printed for `eval "$(awsmfa use …)"`, except to a terminal when it contains secrets.
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
    process.stderr.write('awsmfa: the activation code contains secret keys, so it is not printed to the terminal\n');
    return;
  }
  process.stdout.write(code);
}

export interface DataOptions {
  /** A line for stderr when the data goes to a terminal, for example because it contains secret keys. */
  terminalWarning?: string;
}

/**
 * Print data (a list, a script): as is, or under the wrapper as code that prints it, so that it
 * reaches the wrapper's stdout (a terminal, a pipe or a file) without being run.
 */
export function emitData(target: OutputTarget, text: string, options: DataOptions = {}): void {
  if (target.wrapper !== undefined) {
    process.stdout.write(renderPrint(target.wrapper, text, options.terminalWarning));
    return;
  }
  if (options.terminalWarning !== undefined && process.stdout.isTTY) {
    process.stderr.write(`${options.terminalWarning}\n`);
  }
  process.stdout.write(text);
}

/** Tell a direct caller that the shell did not change, and how to install the wrapper. */
export function describeDirectCall(shell: ShellKind): string {
  const wrapper = shell === 'cmd' ? 'the doskey macro' : 'the shell function';
  return [
    `awsmfa: this command cannot change the current shell by itself; install ${wrapper}:`,
    ...INSTALL_LINES[shell].map((line) => `    ${line}`),
    '',
  ].join('\n');
}
