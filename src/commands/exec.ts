import { spawn } from 'node:child_process';
import { constants } from 'node:os';
import { AwsmfaError } from '../errors.js';
import { debug } from '../log.js';
import { ENV_WRAPPER } from '../output.js';
import type { RenderPlan } from '../shell/plan.js';

/** Signals that reach awsmfa while the command runs and are passed on to it. */
export const FORWARDED_SIGNALS: readonly NodeJS.Signals[] = ['SIGINT', 'SIGTERM', 'SIGHUP'];

/** Exit status when the command cannot be found, as POSIX shells report it. */
export const EXIT_COMMAND_NOT_FOUND = 127;
/** Exit status when the command exists but cannot be run. */
export const EXIT_COMMAND_NOT_EXECUTABLE = 126;

export class CommandNotFoundError extends AwsmfaError {
  readonly command: string;

  constructor(command: string) {
    super(`command not found: ${command}`, { hint: 'check the name and PATH', exitCode: EXIT_COMMAND_NOT_FOUND });
    this.command = command;
  }
}

export class CommandNotExecutableError extends AwsmfaError {
  readonly command: string;

  constructor(command: string, reason: string) {
    super(`cannot run ${command}: ${reason}`, { hint: 'check that the file is a program and has execute permission', exitCode: EXIT_COMMAND_NOT_EXECUTABLE });
    this.command = command;
  }
}

/**
 * Build the environment for the command: awsmfa's own, changed by the activation plan, without
 * AWSMFA_WRAPPER so that an awsmfa that the command runs prints no shell code.
 */
export function buildChildEnvironment(base: NodeJS.ProcessEnv, plan: RenderPlan): NodeJS.ProcessEnv {
  const env: NodeJS.ProcessEnv = { ...base };
  for (const name of [...plan.unset, ENV_WRAPPER]) {
    delete env[name];
  }
  for (const [name, value] of plan.set) {
    env[name] = value;
  }
  return env;
}

export interface ChildOptions {
  env: NodeJS.ProcessEnv;
  /**
   * Send the command's stdout to awsmfa's stderr. Under a wrapper awsmfa's stdout is evaluated
   * as shell code, and the command's output must never be.
   */
  stdoutToStderr: boolean;
}

/**
 * Run `command` (a file name and its arguments, without a shell) with the terminal and `env`,
 * and resolve its exit status. A command killed by signal N gives 128 + N, as in POSIX shells.
 * SIGINT, SIGTERM and SIGHUP that reach awsmfa meanwhile are passed on to the command. Ctrl-C at
 * a terminal signals the whole foreground process group, so the command then gets SIGINT twice.
 *
 * @throws CommandNotFoundError or CommandNotExecutableError when the command cannot start.
 */
export async function runChild(command: string[], options: ChildOptions): Promise<number> {
  const [file, ...args] = command as [string, ...string[]];
  debug(`running ${file} with ${args.length} argument(s)`);
  const child = spawn(file, args, { env: options.env, stdio: ['inherit', options.stdoutToStderr ? 2 : 'inherit', 'inherit'] });
  const forward = (signal: NodeJS.Signals): void => {
    debug(`passing ${signal} on to ${file}`);
    child.kill(signal);
  };
  for (const signal of FORWARDED_SIGNALS) {
    process.on(signal, forward);
  }
  try {
    return await waitForExit(child, file);
  } finally {
    for (const signal of FORWARDED_SIGNALS) {
      process.off(signal, forward);
    }
  }
}

function waitForExit(child: ReturnType<typeof spawn>, file: string): Promise<number> {
  return new Promise((resolve, reject) => {
    child.once('error', (error: NodeJS.ErrnoException) => {
      reject(error.code === 'ENOENT' ? new CommandNotFoundError(file) : new CommandNotExecutableError(file, error.code ?? error.message));
    });
    child.once('exit', (code, signal) => {
      debug(`${file} exited with ${signal ?? code}`);
      resolve(code ?? 128 + (signal === null ? 0 : constants.signals[signal]));
    });
  });
}
