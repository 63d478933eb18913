import { randomBytes } from 'node:crypto';
import { accessSync, chmodSync, closeSync, constants, fchownSync, fsyncSync, lstatSync, openSync, readdirSync, readlinkSync, realpathSync, renameSync, statSync, unlinkSync, writeFileSync, type Stats } from 'node:fs';
import { basename, dirname, join, resolve } from 'node:path';
import { AwsmfaError } from '../errors.js';
import { isProcessAlive } from './process.js';

/** Mode for a new credentials or config file and for a new `~/.aws` folder. */
export const NEW_FILE_MODE = 0o600;
export const NEW_DIR_MODE = 0o700;

/** Linux gives up after 40 links in a path (ELOOP), and so does awsmfa. */
const MAX_LINK_HOPS = 40;
const TEMP_FILE = /^\.(.+)\.awsmfa-(\d+)-[0-9a-f]+\.tmp$/;

/** The target exists but the user may not write it, for example after `chmod 400`. */
export class ReadOnlyFileError extends AwsmfaError {
  readonly path: string;

  constructor(path: string, mode: number) {
    super(`cannot write ${path}: it is read-only for you (mode ${mode.toString(8).padStart(4, '0')})`, {
      hint: `make it writable with chmod u+w ${path}, or run the command as its owner`,
    });
    this.path = path;
  }
}

export class SymlinkLoopError extends AwsmfaError {
  readonly path: string;

  constructor(path: string) {
    super(`cannot write ${path}: it is a symbolic link that loops or has more than ${MAX_LINK_HOPS} hops`, {
      hint: `point the link at a regular file (ls -l ${path} shows where it points)`,
    });
    this.path = path;
  }
}

/**
 * Follow symbolic links to the file that really contains the data, so a write replaces the
 * target and leaves the link in place. A dangling link resolves to the path it names. Each
 * hop resolves its folder first, so a relative link inside a linked folder ends where the
 * kernel would take it.
 */
export function resolveWriteTarget(path: string): string {
  let current = resolveFolder(resolve(path));
  for (let hops = 0; hops <= MAX_LINK_HOPS; hops++) {
    if (!isSymbolicLink(current)) {
      return current;
    }
    current = resolveFolder(resolve(dirname(current), readlinkSync(current)));
  }
  throw new SymlinkLoopError(path);
}

function isSymbolicLink(path: string): boolean {
  try {
    return lstatSync(path).isSymbolicLink();
  } catch {
    return false;
  }
}

/** Resolve the links in a path's folder. A folder that does not exist yet is kept as it is. */
function resolveFolder(path: string): string {
  try {
    return join(realpathSync(dirname(path)), basename(path));
  } catch {
    return path;
  }
}

/**
 * Write `text` to `target` atomically: a temporary file in the same folder, flushed to disk,
 * then renamed over the target. The existing file's mode (and, when running as root, its
 * owner) is kept, and a new file gets 0600. The temporary file is removed when any step fails.
 */
export function writeFileAtomic(target: string, text: string): void {
  const folder = dirname(target);
  const existing = readStats(target);
  const mode = existing === undefined ? NEW_FILE_MODE : existing.mode & 0o7777;
  if (existing !== undefined) {
    assertWritable(target, mode);
  }
  const temporary = join(folder, `.${basename(target)}.awsmfa-${process.pid}-${randomBytes(4).toString('hex')}.tmp`);

  const fd = openSync(temporary, 'wx', mode);
  try {
    writeFileSync(fd, text);
    keepOwner(fd, existing);
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

/**
 * Remove temporary files that a killed awsmfa writer left next to `target`: those whose
 * process id is no longer running. Call it while holding the target's lock. Returns the
 * removed paths.
 */
export function removeStaleTempFiles(target: string): string[] {
  const folder = dirname(target);
  const removed: string[] = [];

  for (const name of listFolder(folder)) {
    const match = TEMP_FILE.exec(name);
    if (match?.[1] !== basename(target) || isProcessAlive(Number(match[2]))) {
      continue;
    }
    if (unlinkQuietly(join(folder, name))) {
      removed.push(join(folder, name));
    }
  }
  return removed;
}

/** Check write access the way a plain write would, because a rename also replaces a read-only file. */
function assertWritable(target: string, mode: number): void {
  try {
    accessSync(target, constants.W_OK);
  } catch {
    throw new ReadOnlyFileError(target, mode);
  }
}

function listFolder(folder: string): string[] {
  try {
    return readdirSync(folder);
  } catch {
    return [];
  }
}

function readStats(path: string): Stats | undefined {
  try {
    return statSync(path);
  } catch {
    return undefined;
  }
}

/** As root, give the new file the old file's owner, so a `sudo awsmfa` keeps the user's file theirs. */
function keepOwner(fd: number, existing: Stats | undefined): void {
  if (existing !== undefined && process.getuid?.() === 0 && (existing.uid !== 0 || existing.gid !== 0)) {
    fchownSync(fd, existing.uid, existing.gid);
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

function unlinkQuietly(path: string): boolean {
  try {
    unlinkSync(path);
    return true;
  } catch {
    // The temporary file was never created, was already renamed, or another process removed it.
    return false;
  }
}
