import { readFileSync } from 'node:fs';
import { AwsmfaError } from '../errors.js';
import type { IniDiagnostic } from '../ini/diagnostics.js';
import { parseIni, type FileKind, type IniDocument } from '../ini/parse.js';
import { decodeDocument } from './encoding.js';
import type { AwsFilePaths } from './paths.js';

/** A file that awsmfa will not write because another reader could lose or misread data. */
export class UnsafeFileError extends AwsmfaError {
  readonly path: string;
  readonly line: number;
  readonly code: string;

  constructor(path: string, diagnostic: IniDiagnostic) {
    super(`cannot edit ${path}: line ${diagnostic.line}: ${diagnostic.message}`, {
      hint: `${diagnostic.hint}; awsmfa writes nothing to a file it cannot edit safely (run 'awsmfa doctor' for every problem)`,
    });
    this.path = path;
    this.line = diagnostic.line;
    this.code = diagnostic.code;
  }
}

export interface AwsDocuments {
  config: IniDocument;
  credentials: IniDocument;
}

export type DocumentEdit = (doc: IniDocument) => IniDocument;

/** Read and parse one file. A missing file is an empty document, as in the SDKs. */
export function readDocument(path: string, kind: FileKind): IniDocument {
  let bytes: Buffer;
  try {
    bytes = readFileSync(path);
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') {
      return parseIni('', kind);
    }
    throw new AwsmfaError(`cannot read ${path}: ${(error as Error).message}`, { cause: error, hint: 'check that the file is readable by you' });
  }
  return decodeDocument(bytes, kind);
}

export function readDocuments(paths: AwsFilePaths): AwsDocuments {
  return { config: readDocument(paths.config, 'config'), credentials: readDocument(paths.credentials, 'credentials') };
}

/**
 * Apply edits to the config and credentials files under a lock, atomically (see update.ts).
 * The writing code loads on first use, so that read-only runs (a live session, completion)
 * do not load the lock, node:crypto and node:os.
 */
export async function updateDocuments(paths: AwsFilePaths, edits: DocumentEdits): Promise<void> {
  const { applyDocumentEdits } = await import('./update.js');
  await applyDocumentEdits(paths, edits);
}

export interface DocumentEdits {
  config?: DocumentEdit;
  credentials?: DocumentEdit;
}
