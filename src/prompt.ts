import { AwsmfaError, PromptCancelledError } from './errors.js';

/** A question needs an answer but stdin is not a terminal (a pipe, /dev/null, a closed stream). */
export class NoTerminalError extends AwsmfaError {}

/** Prompts that awsmfa shows on the terminal. Tests pass fakes. */
export interface Prompter {
  /** Read a secret value without echoing it. Resolves '' for a blank entry. */
  askSecret(message: string): Promise<string>;
  choose(message: string, choices: Array<{ name: string; message: string }>): Promise<string>;
}

/**
 * Prompts drawn on stderr, so that stdout stays free for shell code under the wrapper.
 * enquirer is imported on first use only.
 */
export function createTerminalPrompter(): Prompter {
  return {
    askSecret: async (message) => {
      const answer = await runPrompt<{ value: string }>({ type: 'password', name: 'value', message });
      return answer.value.trim();
    },
    choose: async (message, choices) => {
      const answer = await runPrompt<{ value: string }>({ type: 'select', name: 'value', message, choices });
      return answer.value;
    },
  };
}

async function runPrompt<T>(question: Record<string, unknown>): Promise<T> {
  // Without a terminal, enquirer would wait for input that never arrives.
  if (!process.stdin.isTTY) {
    throw new NoTerminalError(`cannot ask "${String(question.message)}": standard input is not a terminal`, {
      hint: 'pass the answer as an option (--code CODE), or set mfa_process or mfa_serial in the profile',
    });
  }
  // enquirer colours through ansi-colors, which turns colour off only for FORCE_COLOR=0.
  if (process.env.NO_COLOR !== undefined && process.env.NO_COLOR !== '') {
    process.env.FORCE_COLOR = '0';
  }
  const enquirer = (await import('enquirer')).default;
  try {
    return (await enquirer.prompt({ ...question, stdout: process.stderr } as never)) as T;
  } catch (error) {
    // enquirer rejects with an empty string (or no value) when the user cancels.
    if (error === '' || error === undefined) {
      throw new PromptCancelledError();
    }
    throw error;
  }
}
