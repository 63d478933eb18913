import { accessSync, constants, existsSync } from 'node:fs';
import { dirname } from 'node:path';
import { AwsmfaError } from '../errors.js';
import { findEditBlockers } from '../ini/lint.js';
import { resolveWriteTarget } from './atomic-write.js';
import type { AwsFilePaths } from './paths.js';
import { readDocuments, UnsafeFileError } from './store.js';

/** A file or folder that awsmfa would need to write is read-only for this user. */
export class FileNotWritableError extends AwsmfaError {
  readonly path: string;

  constructor(path: string) {
    super(`cannot write ${path}: permission denied`, { hint: `make it writable for you (chmod u+w '${path}'), or pass --no-persist` });
    this.path = path;
  }
}

/**
 * Check, before any code is asked for or spent, that both files can be edited: no content
 * that awsmfa refuses to write, and write permission on each file (or the folder that will
 * hold it). A one-time code works once, so a failure after STS would cost the user a code.
 * The write itself checks again under the lock.
 */
export function assertFilesWritable(paths: AwsFilePaths): void {
  const docs = readDocuments(paths);
  for (const [kind, doc] of [['config', docs.config], ['credentials', docs.credentials]] as const) {
    const target = resolveWriteTarget(paths[kind]);
    const blocker = findEditBlockers(doc)[0];
    if (blocker !== undefined) {
      throw new UnsafeFileError(target, blocker);
    }
    assertWritablePath(target);
  }
}

function assertWritablePath(target: string): void {
  let path = target;
  while (!existsSync(path) && dirname(path) !== path) {
    path = dirname(path);
  }
  // The rename needs the folder to be writable; an existing file must be writable too.
  const folder = path === target ? dirname(target) : path;
  for (const candidate of path === target ? [folder, target] : [folder]) {
    try {
      accessSync(candidate, constants.W_OK);
    } catch {
      throw new FileNotWritableError(candidate);
    }
  }
}
