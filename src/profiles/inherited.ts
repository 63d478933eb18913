import type { ProfileView } from '../ini/view.js';
import { resolveRoleChain, getChainProfiles } from './chain.js';
import type { ProfileInfo } from './catalog.js';

/** Resolve the output format from the first profile in `chain` that sets one, else `[default]`. */
export function resolveOutput(view: ProfileView, chain: string[]): string | undefined {
  for (const name of [...chain, 'default']) {
    const value = view.profiles.get(name)?.get('output');
    if (value) {
      return value;
    }
  }
  return undefined;
}

/**
 * List the profiles a stored session inherits region and output from, nearest first: the session,
 * the profile it was started from and, for a role session, that role's source chain. A role
 * whose chain is broken contributes only itself, so a stored session still activates.
 */
export function getSessionLineage(view: ProfileView, session: ProfileInfo): string[] {
  const parent = session.parent ?? session.name;
  if (session.kind !== 'role-session' || !view.profiles.get(parent)?.has('role_arn')) {
    return [session.name, parent];
  }
  try {
    return [session.name, ...getChainProfiles(resolveRoleChain(view, parent))];
  } catch {
    return [session.name, parent];
  }
}
