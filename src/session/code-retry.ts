import { InvalidTokenCodeError } from '../aws/errors.js';
import type { Prompter } from '../prompt.js';
import { askCode, runMfaProcess } from './mfa-code.js';

const MAX_CODE_ATTEMPTS = 3;

export interface CodeOptions {
  /** Code from --code, already checked for format. */
  flag: string | undefined;
  /** `mfa_process` command of the profile, run when there is no flag. */
  mfaProcess: string | undefined;
  /** Profile named in messages about mfa_process. */
  profile: string;
  /** Device serial shown in the prompt. */
  serial: string;
  prompter: Prompter;
}

/**
 * Run a request that needs a one-time code, asking for the code again (up to three times)
 * when STS rejects a prompted code. Resolves undefined when the user leaves the code blank.
 */
export async function requestWithCode<T>(options: CodeOptions, request: (code: string) => Promise<T>): Promise<T | undefined> {
  const rejected = new Set<string>();
  for (let attempt = 1; ; attempt++) {
    const prompted = options.flag === undefined && !options.mfaProcess;
    const code = await getCode(options, attempt, rejected);
    if (code === '') {
      return undefined;
    }
    try {
      return await request(code);
    } catch (error) {
      if (!(error instanceof InvalidTokenCodeError) || !prompted || attempt >= MAX_CODE_ATTEMPTS) {
        throw error;
      }
      rejected.add(code);
    }
  }
}

async function getCode(options: CodeOptions, attempt: number, rejected: ReadonlySet<string>): Promise<string> {
  if (options.flag !== undefined) {
    return options.flag;
  }
  if (options.mfaProcess) {
    return runMfaProcess(options.mfaProcess, options.profile);
  }
  return askCode(options.prompter, options.serial, attempt, rejected);
}
