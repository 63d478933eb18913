import { readFileSync } from 'node:fs';
import yargs, { type Argv } from 'yargs';
import { readEnvFlag } from './env-options.js';
import { getPackagePath } from './scripts.js';
import { AwsmfaError, EXIT_ERROR, UsageError } from './errors.js';
import { debug, isDebugEnabled, redact, setDebug } from './log.js';
import { detectOutputTarget, type OutputTarget } from './output.js';
import { registerDoctorCommand } from './commands/doctor-command.js';
import { registerInitCommand } from './commands/init-command.js';
import { registerClearCommand } from './commands/clear-command.js';
import { registerEnvCommand } from './commands/env-command.js';
import { registerExecCommand } from './commands/exec-command.js';
import { registerListCommand } from './commands/list-command.js';
import { registerCompletionSpecCommand } from './completion/spec-command.js';
import { registerUseCommand } from './commands/use-command.js';
import { registerStatusCommand } from './commands/status-command.js';
import { registerCredentialProcessCommand } from './commands/credential-process-command.js';
import { registerPolicyCommand } from './commands/policy-command.js';

export interface GlobalOptions {
  debug: boolean;
  quick: boolean;
  json: boolean;
  color: boolean;
}

export interface CommandContext {
  env: NodeJS.ProcessEnv;
  target: OutputTarget;
}

/** Run the CLI: parse arguments, run one command, and report every error in one place. */
export async function main(argv: string[], env: NodeJS.ProcessEnv): Promise<number> {
  const target = detectOutputTarget(env);
  const context: CommandContext = { env, target };
  setDebug(hasDebugFlag(argv) || isTruthy(env.AWSMFA_DEBUG));
  if (hasOwnFlag(argv, '--no-color')) {
    // Prompts and child processes follow the NO_COLOR convention (no-color.org).
    env.NO_COLOR = '1';
  }

  try {
    return await runParser(buildParser(argv, context), argv, target);
  } catch (error) {
    return reportError(error, env);
  }
}

function buildParser(argv: string[], context: CommandContext): Argv {
  const parser: Argv = yargs()
    .scriptName('awsmfa')
    .option('debug', { alias: 'd', type: 'boolean', default: readEnvFlag(context.env, 'debug') ?? false, describe: 'Print debug lines on stderr (secrets are redacted)' })
    .option('quick', { alias: 'q', type: 'boolean', default: readEnvFlag(context.env, 'quick'), describe: 'Skip online checks' })
    .option('full', { alias: 'f', type: 'boolean', default: readEnvFlag(context.env, 'full'), describe: 'Validate profiles online (the default)' })
    .option('color', { type: 'boolean', default: readEnvFlag(context.env, 'color') ?? !context.env.NO_COLOR, describe: 'Use colour; --no-color or NO_COLOR turns it off' })
    .option('json', { type: 'boolean', default: readEnvFlag(context.env, 'json') ?? false, describe: 'Print data as JSON where a command prints data' })
    .strict()
    .demandCommand(1, 'no command given')
    .recommendCommands()
    .help()
    .version(readVersion())
    .wrap(Math.min(100, process.stderr.columns || 100))
    .fail((message, error) => {
      // yargs passes a message for usage mistakes and the error for a failed handler.
      throw error ?? new UsageError(message, 'run `awsmfa --help` for usage');
    }) as unknown as Argv;
  registerUseCommand(parser, context);
  registerInitCommand(parser, context);
  registerClearCommand(parser, context);
  registerListCommand(parser, context);
  registerExecCommand(parser, context);
  registerEnvCommand(parser, context);
  registerCompletionSpecCommand(parser, context);
  registerDoctorCommand(parser, context);
  registerStatusCommand(parser, context);
  registerCredentialProcessCommand(parser, context);
  registerPolicyCommand(parser, context);
  return parser;
}

/**
 * Parse and run. yargs writes help and usage errors to our callback instead of stdout, so
 * under the wrapper they go to stderr and nothing reaches `eval`.
 */
async function runParser(parser: Argv, argv: string[], target: OutputTarget): Promise<number> {
  let text = '';
  await parser.parseAsync(argv, {}, (_error: Error | undefined, _argv: unknown, output: string) => {
    text = output;
  });
  if (text !== '') {
    const stream = target.wrapper === undefined ? process.stdout : process.stderr;
    stream.write(text.endsWith('\n') ? text : `${text}\n`);
  }
  return 0;
}

function reportError(error: unknown, env: NodeJS.ProcessEnv): number {
  if (error instanceof AwsmfaError) {
    if (error.message !== 'cancelled') {
      process.stderr.write(`awsmfa: ${redact(error.message)}\n`);
      if (error.hint) {
        process.stderr.write(`  ${redact(error.hint)}\n`);
      }
    }
    debug(`error: ${error.name}${error.cause ? ` (cause: ${String((error.cause as Error).name ?? error.cause)})` : ''}`);
    return error.exitCode;
  }
  process.stderr.write('awsmfa: internal error, please report it with the output of the same command run with --debug\n');
  const detail = isDebugEnabled() ? ((error as Error).stack ?? String(error)) : String((error as Error).message ?? error);
  process.stderr.write(`  ${maskHome(redact(detail), env)}\n`);
  return EXIT_ERROR;
}

function maskHome(text: string, env: NodeJS.ProcessEnv): string {
  return env.HOME ? text.split(env.HOME).join('~') : text;
}

/** Look for --debug or -d among awsmfa's own arguments, not in a command after `--`. */
function hasDebugFlag(argv: string[]): boolean {
  return hasOwnFlag(argv, '--debug') || hasOwnFlag(argv, '-d');
}

function hasOwnFlag(argv: string[], flag: string): boolean {
  const end = argv.indexOf('--');
  return (end === -1 ? argv : argv.slice(0, end)).includes(flag);
}

function readVersion(): string {
  try {
    return (JSON.parse(readFileSync(getPackagePath('package.json'), 'utf8')) as { version?: string }).version ?? 'unknown';
  } catch {
    return 'unknown';
  }
}

function isTruthy(value: string | undefined): boolean {
  return value !== undefined && value !== '' && value !== '0' && value.toLowerCase() !== 'false';
}
