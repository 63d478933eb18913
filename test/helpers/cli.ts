import { spawnSync } from 'node:child_process';
import { mkdirSync, symlinkSync, existsSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { getToolPath } from './moto.js';

export const PROJECT_ROOT = fileURLToPath(new URL('../../', import.meta.url));
export const BIN = join(PROJECT_ROOT, 'bin', 'awsmfa.js');

/** A folder with an `awsmfa` command that runs the built program, as an npm install would. */
export function getBinFolder(): string {
  const folder = join(tmpdir(), `awsmfa-bin-${process.pid}`);
  const link = join(folder, 'awsmfa');
  if (!existsSync(link)) {
    mkdirSync(folder, { recursive: true });
    symlinkSync(BIN, link);
  }
  return folder;
}

/** Environment for a test run: a clean HOME, the moto endpoint, awsmfa and aws on PATH. */
export function buildEnv(home: string, endpoint: string, extra: NodeJS.ProcessEnv = {}): NodeJS.ProcessEnv {
  return {
    HOME: home,
    PATH: getToolPath(`${getBinFolder()}:/usr/local/bin:/usr/bin:/bin`),
    AWS_ENDPOINT_URL: endpoint,
    AWS_EC2_METADATA_DISABLED: 'true',
    XDG_CONFIG_HOME: join(home, '.config'),
    XDG_CACHE_HOME: join(home, '.cache'),
    LANG: 'C.UTF-8',
    ...extra,
  };
}

export interface RunResult {
  status: number | null;
  stdout: string;
  stderr: string;
}

/** Run the awsmfa program directly with `args`. */
export function runAwsmfa(args: string[], env: NodeJS.ProcessEnv, input = ''): RunResult {
  const result = spawnSync(process.execPath, [BIN, ...args], { env, input, encoding: 'utf8', timeout: 60_000 });
  return { status: result.status, stdout: result.stdout, stderr: result.stderr };
}

/** Run a script in a real shell (`bash`, `zsh`, …) with no rc files. */
export function runShell(shell: string, script: string, env: NodeJS.ProcessEnv): RunResult {
  const args: Record<string, string[]> = {
    bash: ['--noprofile', '--norc', '-c', script],
    zsh: ['-f', '-c', script],
    dash: ['-c', script],
    fish: ['--no-config', '-c', script],
  };
  const result = spawnSync(shell, args[shell] ?? ['-c', script], { env, encoding: 'utf8', timeout: 60_000 });
  if (result.error) {
    throw new Error(`cannot run ${shell}: ${result.error.message}`);
  }
  return { status: result.status, stdout: result.stdout, stderr: result.stderr };
}

/** Parse `env -0` output into a map. */
export function parseEnv0(text: string): Map<string, string> {
  const map = new Map<string, string>();
  for (const entry of text.split('\0')) {
    const equals = entry.indexOf('=');
    if (equals > 0) {
      map.set(entry.slice(0, equals), entry.slice(equals + 1));
    }
  }
  return map;
}
