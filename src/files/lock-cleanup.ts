/**
 * Release held locks on every way out of the process: a normal exit, `process.exit()`, and
 * SIGINT, SIGTERM or SIGHUP. A signal handler runs only between synchronous steps, so a
 * write in progress finishes (or fails and cleans up) before the lock goes. SIGKILL cannot
 * be caught; the next awsmfa run takes over a lock whose process is gone.
 */

export interface LockHandle {
  path: string;
  release(): void;
}

const SIGNALS: readonly NodeJS.Signals[] = ['SIGINT', 'SIGTERM', 'SIGHUP'];
const heldLocks = new Map<string, () => void>();

/** Register a taken lock. The handle's release() removes it, and the exit hooks once no lock is left. */
export function releaseOnExit(path: string, remove: () => void): LockHandle {
  if (heldLocks.size === 0) {
    installHooks();
  }
  heldLocks.set(path, remove);
  return {
    path,
    release: () => {
      if (heldLocks.delete(path)) {
        remove();
      }
      if (heldLocks.size === 0) {
        removeHooks();
      }
    },
  };
}

function releaseAll(): void {
  for (const remove of heldLocks.values()) {
    remove();
  }
  heldLocks.clear();
}

function onSignal(signal: NodeJS.Signals): void {
  releaseAll();
  removeHooks();
  // With our handler gone, the signal's default action ends the process with the usual status.
  process.kill(process.pid, signal);
}

function installHooks(): void {
  process.on('exit', releaseAll);
  for (const signal of SIGNALS) {
    process.on(signal, onSignal);
  }
}

function removeHooks(): void {
  process.off('exit', releaseAll);
  for (const signal of SIGNALS) {
    process.off(signal, onSignal);
  }
}
