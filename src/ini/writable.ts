/**
 * Rules for text that awsmfa writes into an AWS file. A key or value is written only when
 * the AWS SDKs and the AWS CLI (botocore, through Python's configparser) read back exactly
 * what was meant.
 */
import { AwsmfaError } from '../errors.js';
import { isUnicodeWhitespace } from './line.js';
import { isValidProfileName } from './parse.js';

/** An edit that would lose data or change what another reader reads. */
export class IniEditError extends AwsmfaError {
  readonly profile: string | undefined;
  readonly key: string | undefined;

  constructor(message: string, options: { hint?: string; profile?: string; key?: string } = {}) {
    super(message, options.hint === undefined ? {} : { hint: options.hint });
    this.profile = options.profile;
    this.key = options.key;
  }
}

/** Property names awsmfa writes: a stricter set than readers accept, with no `:` or `.`. */
const WRITABLE_KEY = /^[A-Za-z0-9\-_]+$/;
/** C0 and C1 control characters other than tab, and DEL. */
const CONTROL_CHARACTER = /[\0-\x08\n-\x1f\x7f-\x9f]/;
/** Half of a UTF-16 surrogate pair without its other half: UTF-8 has no encoding for it. */
const LONE_SURROGATE = /[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/;

export function assertProfileName(profile: string): void {
  if (!isValidProfileName(profile)) {
    throw new IniEditError(`profile name '${profile}' cannot be written to an AWS file`, {
      hint: 'use letters, digits and - _ . / % @ : + only',
      profile,
    });
  }
}

/**
 * Reject a key or value that a reader would parse differently from what was meant. That is
 * a line break or other control character, or whitespace at either end. It is also a `#` or
 * `;` at the start or after whitespace, where the SDKs read a comment. The message never
 * quotes the value, because it may be a secret.
 */
export function assertWritableProperty(key: string, value: string): void {
  if (!WRITABLE_KEY.test(key)) {
    throw new IniEditError(`property name '${key}' cannot be written: use letters, digits, - and _ only`, { key });
  }
  const problem = findValueProblem(value);
  if (problem !== undefined) {
    throw new IniEditError(`value for '${key}' cannot be written safely: it ${problem}`, {
      hint: 'AWS config readers would read a different value; remove that part of the value',
      key,
    });
  }
}

function findValueProblem(value: string): string | undefined {
  if (/[\r\n]/.test(value)) {
    return 'contains a line break';
  }
  if (CONTROL_CHARACTER.test(value)) {
    return 'contains a control character';
  }
  if (LONE_SURROGATE.test(value)) {
    return 'contains an unpaired surrogate, which cannot be written as UTF-8';
  }
  if (value !== '' && (isUnicodeWhitespace(value[0] as string) || isUnicodeWhitespace(value.at(-1) as string) || value !== value.trim())) {
    return 'starts or ends with whitespace';
  }
  if (value.startsWith('#') || value.startsWith(';')) {
    return "starts with '#' or ';', which starts a comment";
  }
  if (hasCommentAfterWhitespace(value)) {
    return "contains '#' or ';' after whitespace, which starts a comment";
  }
  return undefined;
}

function hasCommentAfterWhitespace(value: string): boolean {
  for (let i = 1; i < value.length; i++) {
    const char = value[i];
    if ((char === '#' || char === ';') && isUnicodeWhitespace(value[i - 1] as string)) {
      return true;
    }
  }
  return false;
}
