import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import type { ShellKind } from './shell/plan.js';

/** Wrapper file for each shell, shipped in the package's `shell/` folder. */
const WRAPPER_FILES: Record<ShellKind, string> = {
  bash: 'awsmfa.bash',
  zsh: 'awsmfa.zsh',
  sh: 'awsmfa.sh',
  fish: 'awsmfa.fish',
  powershell: 'awsmfa.ps1',
  cmd: 'awsmfa.cmd',
};

/** Path of a file in the package's top-level folder; works from `src/` and from `dist/`. */
export function getPackagePath(relative: string): string {
  return fileURLToPath(new URL(`../${relative}`, import.meta.url));
}

export function readWrapperScript(shell: ShellKind): string {
  return readFileSync(getPackagePath(`shell/${WRAPPER_FILES[shell]}`), 'utf8');
}
