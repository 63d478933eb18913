import { closeSync, openSync, readFileSync, statSync, unlinkSync, writeSync } from 'node:fs';
import { hostname } from 'node:os';
import { AwsmfaError } from '../errors.js';
import { debug } from '../log.js';
import { releaseOnExit, type LockHandle } from './lock-cleanup.js';
import { isProcessAlive } from './process.js';

export type { LockHandle } from './lock-cleanup.js';

export const LOCK_TIMEOUT_MS = 10_000;
const POLL_MS = 25;
/** A lock file without a process id is one whose creator died before writing it, once this old. */
const EMPTY_LOCK_GRACE_MS = 2_000;

interface LockHolder {
  pid: number | undefined;
  host: string;
  since: string;
  ageMs: number;
}

/** Another process held the lock for longer than the timeout. */
export class LockTimeoutError extends AwsmfaError {
  readonly path: string;
  readonly holderPid: number | undefined;
  readonly holderHost: string | undefined;

  constructor(path: string, timeoutMs: number, holder: LockHolder | undefined) {
    super(`timed out after ${timeoutMs / 1000} s waiting for the lock ${path}, held by ${describeHolder(holder)}`, {
      hint: `wait for that awsmfa process to finish; if it no longer runs, delete ${path}`,
    });
    this.path = path;
    this.holderPid = holder?.pid;
    this.holderHost = holder?.host;
  }
}

/**
 * Take an exclusive lock by creating `path` with O_EXCL. The file records the holder's pid,
 * host and start time. A lock whose holder is a dead process on this host is taken over.
 * The lock is released by `release()`, and also when the process exits or gets SIGINT,
 * SIGTERM or SIGHUP while holding it.
 */
export async function acquireLock(path: string, timeoutMs = LOCK_TIMEOUT_MS): Promise<LockHandle> {
  const deadline = Date.now() + timeoutMs;
  let waited = false;

  for (;;) {
    if (tryCreateLock(path)) {
      return releaseOnExit(path, () => removeQuietly(path));
    }
    if (isStale(path) && removeStaleLock(path)) {
      debug(`took over the stale lock ${path}`);
      continue;
    }
    if (Date.now() >= deadline) {
      throw new LockTimeoutError(path, timeoutMs, readHolder(path));
    }
    if (!waited) {
      debug(`waiting for the lock ${path}, held by ${describeHolder(readHolder(path))}`);
      waited = true;
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
  let fd: number;
  try {
    fd = openSync(path, 'wx', 0o600);
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'EEXIST') {
      return false;
    }
    throw error;
  }
  try {
    writeSync(fd, `${process.pid} ${hostname()} ${new Date().toISOString()}\n`);
    closeSync(fd);
  } catch (error) {
    closeSync(fd);
    removeQuietly(path);
    throw error;
  }
  return true;
}

function readHolder(path: string): LockHolder | undefined {
  try {
    const ageMs = Date.now() - statSync(path).mtimeMs;
    const [pid, host, since] = readFileSync(path, 'utf8').trim().split(' ');
    const number = Number(pid);
    return { pid: pid && Number.isInteger(number) && number > 0 ? number : undefined, host: host ?? '', since: since ?? '', ageMs };
  } catch {
    return undefined;
  }
}

function isStale(path: string): boolean {
  const holder = readHolder(path);
  if (holder === undefined) {
    return false;
  }
  if (holder.pid === undefined) {
    return holder.ageMs > EMPTY_LOCK_GRACE_MS;
  }
  return holder.host === hostname() && !isProcessAlive(holder.pid);
}

function describeHolder(holder: LockHolder | undefined): string {
  if (holder?.pid === undefined) {
    return 'an unknown process';
  }
  return `process ${holder.pid} on ${holder.host}${holder.since ? ` since ${holder.since}` : ''}`;
}

function removeQuietly(path: string): void {
  try {
    unlinkSync(path);
  } catch {
    // Already gone: another process took over a stale lock or cleaned up.
  }
}
