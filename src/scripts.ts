import { existsSync, readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
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

/**
 * Path of a file in the package's top-level folder. The code may run from `src/`, `dist/` or
 * a chunk in `dist/chunks/`, so the folder is found by walking up to the package.json.
 */
export function getPackagePath(relative: string): string {
  let folder = dirname(fileURLToPath(import.meta.url));
  while (!existsSync(join(folder, 'package.json')) && dirname(folder) !== folder) {
    folder = dirname(folder);
  }
  return join(folder, relative);
}

export function readWrapperScript(shell: ShellKind): string {
  return readFileSync(getPackagePath(`shell/${WRAPPER_FILES[shell]}`), 'utf8');
}
