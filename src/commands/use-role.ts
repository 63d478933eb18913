import { UsageError } from '../errors.js';
import type { ProfileView } from '../ini/view.js';
import { debug } from '../log.js';
import { describeProfile, isLive, ROLE_SESSION_SUFFIX, type ProfileInfo } from '../profiles/catalog.js';
import { resolveRoleChain } from '../profiles/chain.js';
import type { Activation } from '../session/activation.js';
import { checkDuration } from '../session/duration.js';
import { parseVia, type ViaChoice } from '../session/role-caller.js';
import { MAX_ROLE_DURATION_SECONDS } from '../session/role-duration.js';
import { startRoleSession } from '../session/role-session.js';
import { activateStartedSession, activateStoredSession, shouldExportKeys } from '../session/session-activation.js';
import type { UseDeps, UseInput } from './use.js';

/**
 * Activate a role: reuse its live `ROLE-rolesession` without a prompt, else start a new
 * session with AssumeRole. `--via` always starts a new session, since it names the caller.
 */
export async function useRoleProfile(view: ProfileView, info: ProfileInfo, input: UseInput, deps: UseDeps, nowSeconds: number): Promise<Activation> {
  const chain = resolveRoleChain(view, info.name);
  const via = readVia(input);
  if (input.duration !== undefined) {
    checkDuration(input.duration, '--duration', MAX_ROLE_DURATION_SECONDS);
  }
  const sessionName = `${info.name}${ROLE_SESSION_SUFFIX}`;
  const stored = view.profiles.get(sessionName);
  const session = stored === undefined ? undefined : describeProfile(view, sessionName, stored);
  // --via, a code or a length on the command line requests a new session.
  const wantsNew = via !== undefined || input.code !== undefined || input.duration !== undefined;
  if (!wantsNew && isLive(session, nowSeconds)) {
    debug(`reusing live session ${sessionName}, ${session.expiry - nowSeconds} s left`);
    return activateStoredSession(view, session, shouldExportKeys(input));
  }

  const options = { code: input.code, duration: input.duration, via, persist: input.persist, quick: input.quick ?? false };
  const started = await startRoleSession(view, chain, options, deps);
  return activateStartedSession(started, { ident: info.name, type: 'rolesession', persisted: input.persist, exportSecrets: input.exportSecrets, messages: [] });
}

/** `--via`, with `--no-mfa` read as `--via keys` for a role. */
function readVia(input: UseInput): ViaChoice | undefined {
  if (input.noMfa && input.via !== undefined) {
    throw new UsageError('--no-mfa and --via cannot be used together', 'for a role, --no-mfa is the same as --via keys');
  }
  return input.noMfa ? { keyword: 'keys' } : parseVia(input.via);
}
