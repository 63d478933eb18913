import { fstatSync, readFileSync } from 'node:fs';
import { debug } from '../log.js';
import { COMMAND_SPEC } from './command-spec.js';
import { completeWords, formatReply } from './complete.js';
import { readProfileEntries } from './profile-cache.js';
import type { ProfileEntry } from './profile-entries.js';

// The same name as ENV_WRAPPER in output.ts, which `__complete` does not load.
const ENV_WRAPPER = 'AWSMFA_WRAPPER';

/** The hidden command that the scripts in completions/ run on every Tab. */
export const COMPLETE_COMMAND = '__complete';

/**
 * Serve `awsmfa __complete` and a plain `awsmfa list --names` without yargs, the AWS SDK or the
 * prompt library, because shells run them on every Tab. Returns undefined for any other
 * argv, and when `list --names` fails, so that the full run reports the error.
 */
export async function runNameFastPath(argv: string[], env: NodeJS.ProcessEnv): Promise<number | undefined> {
  if (argv[0] === COMPLETE_COMMAND) {
    return runCompletion(argv.slice(1), env);
  }
  if (argv.length === 2 && argv[0] === 'list' && argv[1] === '--names' && !hasOptionVariables(env)) {
    return runNameList(env);
  }
  return undefined;
}

/**
 * Complete the words given as arguments, or else read from stdin, one a line (the completion
 * scripts use stdin so that typed values never show in a process list). Prints nothing but
 * the reply, and exits 0 even when the AWS files cannot be read.
 */
async function runCompletion(args: string[], env: NodeJS.ProcessEnv): Promise<number> {
  const words = args.length > 0 ? args : readWordsFromStdin();
  const reply = await completeWords(words, COMMAND_SPEC, () => readProfilesQuietly(env));
  process.stdout.write(formatReply(reply));
  return 0;
}

async function runNameList(env: NodeJS.ProcessEnv): Promise<number | undefined> {
  try {
    const names = (await readProfileEntries(env)).map((entry) => `${entry.name}\n`);
    const { detectOutputTarget, emitData } = await import('../output.js');
    emitData(detectOutputTarget(env), names.join(''));
    return 0;
  } catch {
    return undefined;
  }
}

/** Read words from stdin, one a line. A terminal gives none, and fstat detects one without loading node:tty. */
function readWordsFromStdin(): string[] {
  if (fstatSync(0).isCharacterDevice()) {
    return [];
  }
  const lines = readFileSync(0, 'utf8').split('\n');
  if (lines.length > 1 && lines[lines.length - 1] === '') {
    lines.pop();
  }
  // PowerShell on Windows ends each piped line with \r\n.
  return lines.map((line) => (line.endsWith('\r') ? line.slice(0, -1) : line));
}

async function readProfilesQuietly(env: NodeJS.ProcessEnv): Promise<ProfileEntry[]> {
  try {
    return await readProfileEntries(env);
  } catch (error) {
    debug(`cannot read profiles for completion: ${(error as Error).message}`);
    return [];
  }
}

/** Tell whether an AWSMFA_* variable other than AWSMFA_WRAPPER is set, because such variables set options that only the full run reads. */
function hasOptionVariables(env: NodeJS.ProcessEnv): boolean {
  return Object.keys(env).some((name) => name.startsWith('AWSMFA_') && name !== ENV_WRAPPER);
}
