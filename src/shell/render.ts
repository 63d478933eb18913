import { AwsmfaError, UnsafeShellValueError, UnsupportedShellError } from '../errors.js';
import { SHELL_KINDS, isShellKind } from './plan.js';
import type { RenderPlan, ShellKind } from './plan.js';
import { renderCmd } from './render-cmd.js';
import { renderFish } from './render-fish.js';
import { renderPosix } from './render-posix.js';
import { renderPowerShell } from './render-powershell.js';

const RENDERERS: Record<ShellKind, (plan: RenderPlan) => string> = {
  bash: renderPosix,
  zsh: renderPosix,
  sh: renderPosix,
  fish: renderFish,
  powershell: renderPowerShell,
  cmd: renderCmd,
};

const ENV_NAME = /^[A-Za-z_][A-Za-z0-9_]*$/;

/**
 * Renders a plan as code for `shell`: unsets, then exported sets, then messages written to the
 * shell's stderr, one command per line with a trailing newline. An empty plan renders as ''.
 *
 * @throws UnsupportedShellError for a shell outside SHELL_KINDS (reachable from untyped callers).
 * @throws AwsmfaError for an invalid variable name or a NUL character in a message.
 * @throws UnsafeShellValueError for a value with a NUL character, or one that cmd cannot hold.
 */
export function renderPlan(shell: ShellKind, plan: RenderPlan): string {
  if (!isShellKind(shell)) {
    throw new UnsupportedShellError(String(shell), SHELL_KINDS);
  }
  assertPlan(shell, plan);
  return RENDERERS[shell](plan);
}

/** Throws AwsmfaError unless `name` matches `^[A-Za-z_][A-Za-z0-9_]*$`. */
export function assertEnvName(name: string): void {
  if (!ENV_NAME.test(name)) {
    throw new AwsmfaError(`invalid environment variable name ${JSON.stringify(name)}`, {
      hint: 'a name must start with a letter or _ and contain only ASCII letters, digits and _',
    });
  }
}

// Environment variables are NUL-terminated C strings, and shells drop or cut at a NUL byte.
function assertPlan(shell: ShellKind, plan: RenderPlan): void {
  plan.unset.forEach(assertEnvName);
  for (const [name, value] of plan.set) {
    assertEnvName(name);
    if (value.includes('\0')) {
      throw new UnsafeShellValueError(shell, name, 'value contains a NUL character (U+0000)');
    }
  }
  if (plan.messages.some((message) => message.includes('\0'))) {
    throw new AwsmfaError('message contains a NUL character (U+0000)');
  }
}
