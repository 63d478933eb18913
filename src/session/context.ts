import type { AwsApi } from '../aws/types.js';
import type { ProfileView } from '../ini/view.js';
import type { AwsFilePaths } from '../files/paths.js';
import type { Prompter } from '../prompt.js';
import type { Settings } from '../settings.js';

/** Dependencies for starting a session: environment, files, clock, AWS and prompts. Tests pass fakes. */
export interface SessionContext {
  env: NodeJS.ProcessEnv;
  paths: AwsFilePaths;
  settings: Settings;
  /** Current time in milliseconds. */
  now: () => number;
  /** Create the AWS adapter for a region, called only when a request must be made. */
  createApi: (region: string | undefined) => AwsApi | Promise<AwsApi>;
  prompter: Prompter;
  /**
   * Load the merged profiles; when not set, both files are parsed. The fast path passes the
   * cached view, whose key values are placeholders, and falls back when it would need them.
   */
  loadView?: () => ProfileView | Promise<ProfileView>;
  /** Print a notice for the user, on process.stderr when not set. */
  notify?: (message: string) => void;
}

/** Print a notice at once, before any prompt that follows it. */
export function notifyUser(context: SessionContext, message: string): void {
  if (context.notify) {
    context.notify(message);
    return;
  }
  process.stderr.write(`${message}\n`);
}
