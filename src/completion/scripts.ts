import { readFileSync } from 'node:fs';
import { getPackagePath } from '../scripts.js';
import type { ShellKind } from '../shell/plan.js';

/** Completion script for each shell that has one, shipped in the package's `completions/` folder. */
const COMPLETION_FILES: Partial<Record<ShellKind, string>> = {
  bash: 'awsmfa.bash',
  zsh: '_awsmfa',
  fish: 'awsmfa.fish',
  powershell: 'awsmfa.ps1',
};

/** Read the completion script for `shell`. sh and cmd have none, so they get undefined. */
export function readCompletionScript(shell: ShellKind): string | undefined {
  const file = COMPLETION_FILES[shell];
  return file === undefined ? undefined : readFileSync(getPackagePath(`completions/${file}`), 'utf8');
}
