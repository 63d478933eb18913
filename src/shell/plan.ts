/** Shells that awsmfa can print activation code for. */
export const SHELL_KINDS = ['bash', 'zsh', 'sh', 'fish', 'powershell', 'cmd'] as const;

export type ShellKind = (typeof SHELL_KINDS)[number];

/**
 * Changes to apply to a shell's environment, in order: variables to remove, variables to set,
 * then lines to print on the shell's stderr. Renderers turn a plan into code for one shell.
 */
export interface RenderPlan {
  unset: string[];
  set: Array<[name: string, value: string]>;
  messages: string[];
}

export function isShellKind(value: string): value is ShellKind {
  return (SHELL_KINDS as readonly string[]).includes(value);
}
