import { spawn, spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync, symlinkSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { getToolPath } from './moto.js';

export const PROJECT_ROOT = fileURLToPath(new URL('../../', import.meta.url));
export const BIN = join(PROJECT_ROOT, 'bin', 'awsmfa.js');

let binFolder: string | undefined;

/**
 * Return a folder with an `awsmfa` command that runs this checkout's built program, as an
 * npm install would. It is made once per test process and removed when the process exits.
 */
export function getBinFolder(): string {
  if (binFolder === undefined) {
    const folder = mkdtempSync(join(tmpdir(), 'awsmfa-bin-'));
    symlinkSync(BIN, join(folder, 'awsmfa'));
    process.once('exit', () => rmSync(folder, { recursive: true, force: true }));
    binFolder = folder;
  }
  return binFolder;
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

/** Run the awsmfa program without blocking this process, so a server in the test can respond. */
export function runAwsmfaAsync(args: string[], env: NodeJS.ProcessEnv): Promise<RunResult> {
  return new Promise((resolve) => {
    const child = spawn(process.execPath, [BIN, ...args], { env, stdio: ['ignore', 'pipe', 'pipe'] });
    let stdout = '';
    let stderr = '';
    child.stdout.on('data', (chunk: Buffer) => (stdout += chunk.toString()));
    child.stderr.on('data', (chunk: Buffer) => (stderr += chunk.toString()));
    child.on('close', (status) => resolve({ status, stdout, stderr }));
  });
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
