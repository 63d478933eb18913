/** Exit codes: 0 success, 1 error, 2 usage, 130 cancelled. */
export const EXIT_ERROR = 1;
export const EXIT_USAGE = 2;
export const EXIT_CANCELLED = 130;

export interface AwsmfaErrorOptions {
  hint?: string;
  exitCode?: number;
  cause?: unknown;
}

/** Base class for every error that awsmfa reports as a plain message with a next step. */
export class AwsmfaError extends Error {
  readonly hint: string | undefined;
  readonly exitCode: number;

  constructor(message: string, options: AwsmfaErrorOptions = {}) {
    super(message, options.cause === undefined ? undefined : { cause: options.cause });
    this.name = new.target.name;
    this.hint = options.hint;
    this.exitCode = options.exitCode ?? EXIT_ERROR;
  }
}

/** A prompt was cancelled with Ctrl-C or Escape; exits 130 without a message. */
export class PromptCancelledError extends AwsmfaError {
  constructor() {
    super('cancelled', { exitCode: EXIT_CANCELLED });
  }
}

export class UsageError extends AwsmfaError {
  constructor(message: string, hint?: string) {
    super(message, { hint, exitCode: EXIT_USAGE });
  }
}

export class UnsupportedShellError extends AwsmfaError {
  readonly shell: string;

  constructor(shell: string, supported: readonly string[]) {
    super(`unsupported shell '${shell}'`, {
      hint: `supported shells: ${supported.join(', ')}`,
      exitCode: EXIT_USAGE,
    });
    this.shell = shell;
  }
}

/** A value cannot be written safely for the target shell (cmd has no general quoting). */
export class UnsafeShellValueError extends AwsmfaError {
  readonly shell: string;
  readonly variable: string;

  constructor(shell: string, variable: string, reason: string, hint?: string) {
    super(`cannot set ${variable} in ${shell}: ${reason}`, { hint });
    this.shell = shell;
    this.variable = variable;
  }
}

export class ProfileNotFoundError extends AwsmfaError {
  readonly profile: string;

  constructor(profile: string, known: readonly string[]) {
    const sample = known.slice(0, 8).join(', ');
    super(`profile '${profile}' not found in the AWS config or credentials file`, {
      hint: known.length
        ? `known profiles: ${sample}${known.length > 8 ? ', …' : ''} (run 'awsmfa list')`
        : 'no profiles are defined; add one with `aws configure --profile NAME`',
    });
    this.profile = profile;
  }
}
