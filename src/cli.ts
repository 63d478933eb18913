import { runNameFastPath } from './completion/fast-path.js';

/** Signals that the fast path would need the network or a prompt, so the full CLI must run. */
class FullRunNeeded extends Error {}

/**
 * Entry point. `awsmfa use NAME` of a live session runs inside the user's shell many times a
 * day, so it is served without loading yargs; anything else, or anything that would need AWS
 * or a prompt, goes to the full command-line parser in main.ts.
 */
export async function run(argv: string[], env: NodeJS.ProcessEnv): Promise<number> {
  // Completion (`__complete`) and `list --names` run on every Tab, so they skip yargs too.
  const namesCode = await runNameFastPath(argv, env);
  if (namesCode !== undefined) {
    return namesCode;
  }
  if (isFastUse(argv, env)) {
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

async function tryFastUse(profile: string, env: NodeJS.ProcessEnv): Promise<number | undefined> {
  // Imported here, not at the top, so that the completion fast path does not load them.
  const { getAwsFilePaths } = await import('./files/paths.js');
  const { detectOutputTarget, emitPlan } = await import('./output.js');
  const { buildActivationPlan } = await import('./session/activation.js');
  const { loadSettings } = await import('./settings.js');
  const { runUse } = await import('./commands/use.js');
  try {
    const settings = await loadSettings(env);
    const needFullRun = (): never => {
      throw new FullRunNeeded();
    };
    const activation = await runUse(
      { profile, noMfa: false, persist: settings.persist ?? true, exportSecrets: settings.exportSecrets ?? false },
      { env, paths: getAwsFilePaths(env), settings, now: () => Date.now(), createApi: needFullRun, prompter: { askSecret: needFullRun, choose: needFullRun } },
    );
    emitPlan(detectOutputTarget(env), buildActivationPlan(activation), activation.credentials !== undefined);
    return 0;
  } catch {
    // Errors are reported by the full run, which repeats the same steps with its own boundary.
    return undefined;
  }
}
