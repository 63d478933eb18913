import { runUse } from './commands/use.js';
import { readCachedView } from './completion/profile-cache.js';
import { getAwsFilePaths } from './files/paths.js';
import { detectOutputTarget, emitPlan } from './output.js';
import { buildActivationPlan } from './session/activation.js';
import { loadSettings } from './settings.js';

/** Signals that the fast path would need the network, a prompt or the keys themselves. */
class FullRunNeeded extends Error {}

/**
 * Activate a live session of `profile` by reference, from the cached profile view. Resolves
 * the exit code, or undefined when the full run must take over: a session to start, a prompt,
 * keys to export (the cache contains none) or any error, which the full run reports.
 */
export async function tryFastUse(profile: string, env: NodeJS.ProcessEnv): Promise<number | undefined> {
  try {
    const settings = await loadSettings(env);
    if (settings.exportSecrets === true || settings.persist === false) {
      return undefined;
    }
    const needFullRun = (): never => {
      throw new FullRunNeeded();
    };
    const activation = await runUse(
      { profile, noMfa: false, persist: true, exportSecrets: false },
      {
        env,
        paths: getAwsFilePaths(env),
        settings,
        now: () => Date.now(),
        loadView: () => readCachedView(env),
        createApi: needFullRun,
        prompter: { askSecret: needFullRun, choose: needFullRun },
      },
    );
    if (activation.credentials !== undefined) {
      return undefined;
    }
    emitPlan(detectOutputTarget(env), buildActivationPlan(activation), false);
    return 0;
  } catch {
    return undefined;
  }
}
