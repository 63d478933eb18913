import { mkdirSync, readFileSync } from 'node:fs';
import { dirname } from 'node:path';
import { AwsmfaError } from '../errors.js';
import { parseIni, serializeIni, type FileKind, type IniDiagnostic, type IniDocument } from '../ini/parse.js';
import type { LockHandle } from './lock.js';
import type { AwsFilePaths } from './paths.js';

/** A file that awsmfa will not write because another reader could lose or misread data. */
export class UnsafeFileError extends AwsmfaError {
  readonly path: string;
  readonly line: number;

  constructor(path: string, diagnostic: IniDiagnostic) {
    super(`cannot edit ${path}: line ${diagnostic.line}: ${diagnostic.message}`, {
      hint: `${diagnostic.hint}; awsmfa writes nothing to a file it cannot edit safely`,
    });
    this.path = path;
    this.line = diagnostic.line;
  }
}

export interface AwsDocuments {
  config: IniDocument;
  credentials: IniDocument;
}

export type DocumentEdit = (doc: IniDocument) => IniDocument;

/** Read and parse one file; a missing file is an empty document, as in the SDKs. */
export function readDocument(path: string, kind: FileKind): IniDocument {
  let bytes: Buffer;
  try {
    bytes = readFileSync(path);
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') {
      return parseIni('', kind);
    }
    throw new AwsmfaError(`cannot read ${path}: ${(error as Error).message}`, { cause: error });
  }
  return decodeDocument(bytes, kind);
}

export function readDocuments(paths: AwsFilePaths): AwsDocuments {
  return { config: readDocument(paths.config, 'config'), credentials: readDocument(paths.credentials, 'credentials') };
}

function decodeDocument(bytes: Buffer, kind: FileKind): IniDocument {
  const doc = parseIni(bytes.toString('utf8'), kind);
  const utf16 = (bytes[0] === 0xff && bytes[1] === 0xfe) || (bytes[0] === 0xfe && bytes[1] === 0xff);
  const nul = bytes.indexOf(0);

  if (utf16) {
    doc.diagnostics.unshift({ severity: 'error', line: 1, message: 'file is encoded as UTF-16', hint: 'save the file as UTF-8' });
  } else if (nul !== -1) {
    const line = bytes.subarray(0, nul).toString('utf8').split('\n').length;
    doc.diagnostics.unshift({ severity: 'error', line, message: 'file contains a NUL byte', hint: 'remove the NUL byte or restore the file from a backup' });
  }
  return doc;
}

/**
 * Apply edits to the config and credentials files under one exclusive lock per file. Each
 * file is read again after its lock is taken, so concurrent awsmfa runs never lose each
 * other's changes, and written only when its text changed.
 */
export async function updateDocuments(paths: AwsFilePaths, edits: { config?: DocumentEdit; credentials?: DocumentEdit }): Promise<void> {
  // Loaded here so that read-only runs (a live session, completion) skip node:crypto and node:os.
  const { acquireLock } = await import('./lock.js');
  const { NEW_DIR_MODE, resolveWriteTarget, writeFileAtomic } = await import('./atomic-write.js');
  const jobs = (['config', 'credentials'] as const)
    .filter((kind) => edits[kind] !== undefined)
    .map((kind) => ({ kind, target: resolveWriteTarget(paths[kind]), edit: edits[kind] as DocumentEdit }))
    .sort((a, b) => a.target.localeCompare(b.target));
  const locks: LockHandle[] = [];

  try {
    for (const job of jobs) {
      mkdirSync(dirname(job.target), { recursive: true, mode: NEW_DIR_MODE });
      locks.push(await acquireLock(`${job.target}.awsmfa.lock`));
    }
    const results = jobs.map((job) => ({ job, text: editDocument(job.target, job.kind, job.edit) }));
    for (const { job, text } of results) {
      if (text !== undefined) {
        writeFileAtomic(job.target, text);
      }
    }
  } finally {
    for (const lock of locks.reverse()) {
      lock.release();
    }
  }
}

function editDocument(target: string, kind: FileKind, edit: DocumentEdit): string | undefined {
  const before = readDocument(target, kind);
  const blocking = before.diagnostics.find((diagnostic) => diagnostic.severity === 'error');

  if (blocking !== undefined) {
    throw new UnsafeFileError(target, blocking);
  }
  const original = serializeIni(before);
  const after = serializeIni(edit(before));
  return after === original ? undefined : after;
}
