import { randomBytes } from 'node:crypto';
import { chmodSync, closeSync, fsyncSync, mkdirSync, openSync, readlinkSync, renameSync, statSync, unlinkSync, writeSync } from 'node:fs';
import { basename, dirname, isAbsolute, join, resolve } from 'node:path';

/** Mode for a new credentials file and for a new `~/.aws` folder. */
export const NEW_FILE_MODE = 0o600;
export const NEW_DIR_MODE = 0o700;

/**
 * Follow symbolic links to the file that really holds the data, so a write replaces the
 * target and leaves the link in place. A dangling link resolves to the path it names.
 */
export function resolveWriteTarget(path: string): string {
  let current = resolve(path);
  for (let hops = 0; hops < 40; hops++) {
    let link: string;
    try {
      link = readlinkSync(current);
    } catch {
      return current;
    }
    current = isAbsolute(link) ? link : resolve(dirname(current), link);
  }
  return current;
}

/**
 * Write `text` to `target` atomically: a temporary file in the same folder, flushed to disk,
 * then renamed over the target. The existing file's mode is kept; a new file gets 0600.
 * The temporary file is removed when any step fails.
 */
export function writeFileAtomic(target: string, text: string): void {
  const folder = dirname(target);
  const mode = readMode(target) ?? NEW_FILE_MODE;
  const temporary = join(folder, `.${basename(target)}.awsmfa-${process.pid}-${randomBytes(4).toString('hex')}.tmp`);

  mkdirSync(folder, { recursive: true, mode: NEW_DIR_MODE });
  const fd = openSync(temporary, 'wx', mode);
  try {
    writeSync(fd, text);
    fsyncSync(fd);
    closeSync(fd);
    chmodSync(temporary, mode);
    renameSync(temporary, target);
  } catch (error) {
    closeQuietly(fd);
    unlinkQuietly(temporary);
    throw error;
  }
  syncFolder(folder);
}

function readMode(path: string): number | undefined {
  try {
    return statSync(path).mode & 0o7777;
  } catch {
    return undefined;
  }
}

/** Flush the folder entry so the rename survives a crash (not supported on every platform). */
function syncFolder(folder: string): void {
  try {
    const fd = openSync(folder, 'r');
    try {
      fsyncSync(fd);
    } finally {
      closeSync(fd);
    }
  } catch {
    // Windows cannot open a folder for fsync; the rename is still atomic there.
  }
}

function closeQuietly(fd: number): void {
  try {
    closeSync(fd);
  } catch {
    // Already closed by the step that failed after it.
  }
}

function unlinkQuietly(path: string): void {
  try {
    unlinkSync(path);
  } catch {
    // The temporary file was never created or was already renamed.
  }
}
