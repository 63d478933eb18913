import { closeSync, openSync, readFileSync, unlinkSync, writeSync } from 'node:fs';
import { hostname } from 'node:os';
import { AwsmfaError } from '../errors.js';

export const LOCK_TIMEOUT_MS = 10_000;
const POLL_MS = 25;

/** Another process held the lock for longer than the timeout. */
export class LockTimeoutError extends AwsmfaError {
  readonly path: string;

  constructor(path: string, holder: string) {
    super(`timed out waiting for the lock ${path} (held by ${holder})`, {
      hint: `wait for that awsmfa process to finish; if it no longer runs, delete ${path}`,
    });
    this.path = path;
  }
}

export interface LockHandle {
  path: string;
  release(): void;
}

/**
 * Take an exclusive lock by creating `path` with O_EXCL. The file records the holder's pid
 * and host; a lock whose holder is a dead process on this host is taken over.
 */
export async function acquireLock(path: string, timeoutMs = LOCK_TIMEOUT_MS): Promise<LockHandle> {
  const deadline = Date.now() + timeoutMs;

  for (;;) {
    if (tryCreateLock(path)) {
      return { path, release: () => removeQuietly(path) };
    }
    if (isStale(path) && removeStaleLock(path)) {
      continue;
    }
    if (Date.now() >= deadline) {
      throw new LockTimeoutError(path, describeHolder(path));
    }
    await new Promise((resolve) => setTimeout(resolve, POLL_MS + Math.random() * POLL_MS));
  }
}

/**
 * Remove a stale lock under a second, short-lived lock, so that two processes that both saw
 * the same stale holder cannot remove a fresh lock that a third process took in between.
 */
function removeStaleLock(path: string): boolean {
  const takeover = `${path}.takeover`;
  if (!tryCreateLock(takeover)) {
    if (isStale(takeover)) {
      removeQuietly(takeover);
    }
    return false;
  }
  try {
    if (isStale(path)) {
      removeQuietly(path);
    }
    return true;
  } finally {
    removeQuietly(takeover);
  }
}

function tryCreateLock(path: string): boolean {
  try {
    const fd = openSync(path, 'wx', 0o600);
    writeSync(fd, `${process.pid} ${hostname()} ${new Date().toISOString()}\n`);
    closeSync(fd);
    return true;
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'EEXIST') {
      return false;
    }
    throw error;
  }
}

function readHolder(path: string): { pid: number; host: string } | undefined {
  try {
    const [pid, host] = readFileSync(path, 'utf8').split(' ');
    return { pid: Number(pid), host: host ?? '' };
  } catch {
    return undefined;
  }
}

function isStale(path: string): boolean {
  const holder = readHolder(path);
  // An empty lock file is one whose writer died between create and write.
  if (holder === undefined || !Number.isInteger(holder.pid) || holder.pid <= 0) {
    return holder !== undefined;
  }
  if (holder.host !== hostname()) {
    return false;
  }
  return !isProcessAlive(holder.pid);
}

function isProcessAlive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    return (error as NodeJS.ErrnoException).code === 'EPERM';
  }
}

function describeHolder(path: string): string {
  const holder = readHolder(path);
  return holder === undefined ? 'an unknown process' : `process ${holder.pid} on ${holder.host}`;
}

function removeQuietly(path: string): void {
  try {
    unlinkSync(path);
  } catch {
    // Already gone: another process took over a stale lock or cleaned up.
  }
}
