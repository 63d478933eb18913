import { runNameFastPath } from './completion/fast-path.js';

/**
 * Run the program. `awsmfa use NAME` of a live session and completion run inside the user's
 * shell many times a day, so they are served without loading yargs. Anything else, or anything
 * that would need AWS or a prompt, goes to the full command-line parser in main.ts.
 */
export async function run(argv: string[], env: NodeJS.ProcessEnv): Promise<number> {
  // Completion (`__complete`) and `list --names` run on every Tab, so they skip yargs too.
  const namesCode = await runNameFastPath(argv, env);
  if (namesCode !== undefined) {
    return namesCode;
  }
  if (isFastUse(argv, env)) {
    // One chunk with everything the fast path needs, so that completion does not load it.
    const { tryFastUse } = await import('./fast-use.js');
    const code = await tryFastUse(argv[1] as string, env);
    if (code !== undefined) {
      return code;
    }
  }
  const { main } = await import('./main.js');
  return main(argv, env);
}

/** Only the plain form qualifies: no flags, and no AWSMFA_* variables that set options. */
function isFastUse(argv: string[], env: NodeJS.ProcessEnv): boolean {
  if (argv.length !== 2 || argv[0] !== 'use' || (argv[1] ?? '-').startsWith('-')) {
    return false;
  }
  return Object.keys(env).every((name) => !name.startsWith('AWSMFA_') || name === 'AWSMFA_WRAPPER');
}
