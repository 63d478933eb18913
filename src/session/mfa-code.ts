import { AwsmfaError, UsageError } from '../errors.js';
import { debug, registerCode } from '../log.js';
import type { Prompter } from '../prompt.js';

const CODE_PATTERN = /^\d{6}$/;

export type CodeSource = 'flag' | 'mfa_process' | 'prompt';

/** Reject a code that is not six digits, without repeating the code in the message. */
export function assertCodeFormat(code: string, source: string): void {
  if (!CODE_PATTERN.test(code)) {
    throw new UsageError(`invalid MFA code from ${source}: it must be exactly six digits`, 'enter the six-digit code that your MFA device shows');
  }
}

/**
 * Run a profile's `mfa_process` command and read the code from its stdout. The command
 * comes from the user's own config file and runs in their shell. Its stderr reaches the
 * terminal, so that a password manager can ask for confirmation.
 */
export async function runMfaProcess(command: string, profile: string): Promise<string> {
  const { execa } = await import('execa');
  debug(`running mfa_process of profile ${profile}`);
  try {
    const result = await execa({ shell: true, stdin: 'inherit', stderr: 'inherit' })`${command}`;
    const code = result.stdout.trim();
    registerCode(code);
    assertCodeFormat(code, `mfa_process of profile '${profile}'`);
    return code;
  } catch (error) {
    if (error instanceof AwsmfaError) {
      throw error;
    }
    throw new AwsmfaError(`mfa_process of profile '${profile}' failed`, {
      hint: 'run the command by hand to see why, or pass --code',
      cause: error,
    });
  }
}

/**
 * Ask for a code on the terminal; '' means the user chose to go on without MFA. A code that
 * STS has just rejected is not sent again, because AWS accepts each code only once.
 */
export async function askCode(prompter: Prompter, serial: string, attempt: number, rejected: ReadonlySet<string> = new Set()): Promise<string> {
  const prefix = attempt > 1 ? 'Code rejected; a code works only once, so enter the next one. ' : '';
  for (;;) {
    const code = await prompter.askSecret(`${prefix}MFA code for ${serial} (blank: use the profile without MFA)`);
    registerCode(code);
    if (code !== '' && !CODE_PATTERN.test(code)) {
      process.stderr.write('awsmfa: the code must be six digits\n');
    } else if (rejected.has(code)) {
      process.stderr.write('awsmfa: that code was just rejected; wait until your device shows a new one\n');
    } else {
      return code;
    }
  }
}
