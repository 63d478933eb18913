import { chmodSync, mkdirSync } from 'node:fs';
import { dirname, join, relative, sep } from 'node:path';
import { AwsmfaError } from '../errors.js';
import { findEditBlockers } from '../ini/lint.js';
import { serializeIni, type FileKind, type IniDocument } from '../ini/parse.js';
import { debug } from '../log.js';
import { NEW_DIR_MODE, removeStaleTempFiles, resolveWriteTarget, writeFileAtomic } from './atomic-write.js';
import { acquireLock, type LockHandle } from './lock.js';
import type { AwsFilePaths } from './paths.js';
import { readDocument, UnsafeFileError, type DocumentEdit, type DocumentEdits } from './store.js';
import { FileNotWritableError } from './preflight.js';

interface EditJob {
  kind: FileKind;
  target: string;
  edit: DocumentEdit;
}

/**
 * Apply edits to the config and credentials files under one exclusive lock per file, taken
 * in path order so that two awsmfa processes cannot deadlock. Each file is read again after
 * its lock is taken, so concurrent awsmfa runs never lose each other's changes. Nothing is
 * written unless every edited file is safe to edit, and a file is written only when its
 * text changed.
 */
export async function applyDocumentEdits(paths: AwsFilePaths, edits: DocumentEdits): Promise<void> {
  try {
    await applyEdits(paths, edits);
  } catch (error) {
    throw toFileError(error);
  }
}

const PERMISSION_CODES = new Set(['EACCES', 'EPERM', 'EROFS']);

/** Turn a file-system error (a read-only file or folder, a full disk) into a plain message. */
function toFileError(error: unknown): unknown {
  const code = (error as NodeJS.ErrnoException).code;
  const path = (error as NodeJS.ErrnoException).path;
  if (error instanceof AwsmfaError || code === undefined || path === undefined) {
    return error;
  }
  if (PERMISSION_CODES.has(code)) {
    return new FileNotWritableError(path);
  }
  return new AwsmfaError(`cannot write ${path}: ${(error as Error).message}`, { cause: error, hint: 'check free disk space and the permissions of the folder' });
}

async function applyEdits(paths: AwsFilePaths, edits: DocumentEdits): Promise<void> {
  const jobs = listJobs(paths, edits);
  const locks: LockHandle[] = [];

  try {
    for (const job of jobs) {
      ensureFolder(dirname(job.target));
      locks.push(await acquireLock(`${job.target}.awsmfa.lock`));
      removeLeftovers(job.target);
    }
    const results = jobs.map((job) => ({ job, text: editDocument(job) }));
    for (const { job, text } of results) {
      if (text !== undefined) {
        writeFileAtomic(job.target, text);
        debug(`wrote ${job.target}`);
      }
    }
  } finally {
    for (const lock of locks.reverse()) {
      lock.release();
    }
  }
}

function listJobs(paths: AwsFilePaths, edits: DocumentEdits): EditJob[] {
  const jobs: EditJob[] = [];
  for (const kind of ['config', 'credentials'] as const) {
    const edit = edits[kind];
    if (edit !== undefined) {
      jobs.push({ kind, target: resolveWriteTarget(paths[kind]), edit });
    }
  }
  if (jobs.length === 2 && jobs[0]?.target === jobs[1]?.target) {
    throw new AwsmfaError(`the config and credentials paths both lead to ${jobs[0]?.target}`, {
      hint: 'point AWS_CONFIG_FILE and AWS_SHARED_CREDENTIALS_FILE at two different files',
    });
  }
  return jobs.sort((a, b) => a.target.localeCompare(b.target));
}

/** Create a missing folder and every missing parent with mode 0700, whatever the umask. */
function ensureFolder(folder: string): void {
  const created = mkdirSync(folder, { recursive: true, mode: NEW_DIR_MODE });
  if (created === undefined) {
    return;
  }
  let current = created;
  chmodSync(current, NEW_DIR_MODE);
  for (const part of relative(created, folder).split(sep).filter(Boolean)) {
    current = join(current, part);
    chmodSync(current, NEW_DIR_MODE);
  }
}

function removeLeftovers(target: string): void {
  for (const path of removeStaleTempFiles(target)) {
    debug(`removed ${path}, left by an awsmfa process that no longer runs`);
  }
}

/** Edit one file and return the new text, or undefined when nothing changed. */
function editDocument(job: EditJob): string | undefined {
  const before = readDocument(job.target, job.kind);
  const blocking = findEditBlockers(before)[0];
  if (blocking !== undefined) {
    throw new UnsafeFileError(job.target, blocking);
  }
  const after = job.edit(before);
  const original = serializeIni(before);
  const text = serializeIni(after);
  if (text === original) {
    return undefined;
  }
  assertSafeResult(job.target, after);
  return text;
}

/** Reject a result that would itself be unsafe. This checks the editor, not the user's file. */
function assertSafeResult(target: string, after: IniDocument): void {
  const problem = findEditBlockers(after)[0];
  if (problem !== undefined) {
    throw new AwsmfaError(`internal error: an edit of ${target} would create a problem at line ${problem.line}: ${problem.message}`, {
      hint: 'the file was not changed; please report this',
    });
  }
}
