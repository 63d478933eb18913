/**
 * Checks of single lines that the AWS SDKs and the AWS CLI (botocore, which uses Python's
 * configparser) read differently: indented lines, comments after values, and keys with `:`.
 */
import { createDiagnostic, quoteKey, type IniDiagnostic } from './diagnostics.js';
import { findCommentStart, trimSpaceAndTab } from './line.js';
import type { IniDocument, IniLine } from './parse.js';

export function findLineProblems(doc: IniDocument): IniDiagnostic[] {
  const found: IniDiagnostic[] = [];

  for (const line of doc.lines) {
    if (line.kind === 'continuation') {
      found.push(describeContinuation(doc, line));
    }
    if (line.kind === 'property' || line.kind === 'subproperty') {
      found.push(...checkPropertyLine(line));
    }
  }
  return found;
}

/**
 * Describe an indented line under a non-empty value. Every reader appends it to that value,
 * which is rarely meant in AWS files: usually the line got its leading spaces by mistake.
 */
function describeContinuation(doc: IniDocument, line: IniLine): IniDiagnostic {
  const owner = doc.lines[line.property ?? -1];
  const where = `'${quoteKey(owner?.key ?? '')}' (line ${owner?.number ?? '?'})`;
  const text = trimSpaceAndTab(line.text);

  if (text.startsWith('[')) {
    return createDiagnostic('indented-section-header', 'error', line.number, `section header is indented, so readers take it as part of the value of ${where}`, 'remove the leading whitespace');
  }
  return createDiagnostic(
    'indented-continuation',
    'warning',
    line.number,
    `indented line continues the value of ${where}`,
    'remove the leading whitespace if the line is a property or comment of its own',
  );
}

function checkPropertyLine(line: IniLine): IniDiagnostic[] {
  const found: IniDiagnostic[] = [];
  const key = line.kind === 'property' ? (line.key ?? '') : trimSpaceAndTab(line.text.slice(0, line.text.indexOf('=')));

  if (line.kind === 'property' && key.includes(':')) {
    found.push(createDiagnostic('ambiguous-key', 'error', line.number, `key '${quoteKey(key)}' contains ':', where the AWS CLI ends the key`, "remove the ':' from the key"));
  }
  if (findCommentStart(trimSpaceAndTab(line.text), true) !== -1) {
    found.push(
      createDiagnostic('inline-comment', 'warning', line.number, `the AWS CLI reads the comment after the value of '${quoteKey(key)}' as part of the value`, 'move the comment to a line of its own'),
    );
  }
  return found;
}
