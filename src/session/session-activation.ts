import type { ProfileView } from '../ini/view.js';
import type { ProfileInfo } from '../profiles/catalog.js';
import { getSessionLineage, resolveOutput } from '../profiles/inherited.js';
import { resolveRegion } from '../profiles/region.js';
import type { Activation, SessionInfo } from './activation.js';
import { readProfileCredentials } from './credentials.js';
import { describeStarted, type StartedSession } from './mfa-session.js';

export interface StartedActivationOptions {
  /** The base profile or role the session belongs to. */
  ident: string;
  type: SessionInfo['type'];
  persisted: boolean;
  exportSecrets: boolean;
  messages: string[];
}

/** Activate a session that was just started: by reference when stored, else with its keys. */
export function activateStartedSession(started: StartedSession, options: StartedActivationOptions): Activation {
  return {
    profile: started.name,
    ident: options.ident,
    credentials: options.persisted && !options.exportSecrets && started.notStored === undefined ? undefined : started.credentials,
    session: { type: options.type, name: started.name, expiry: started.expiry },
    region: started.region,
    output: started.output,
    messages: [...options.messages, ...started.startedFirst, describeStarted(started), ...(started.notStored ? [started.notStored] : []), ...started.messages],
  };
}

/**
 * Tell whether a reused stored session is exported as keys: when the user requested keys in
 * the environment, with --export-secrets or with --no-persist ("keep it in this shell only").
 */
export function shouldExportKeys(options: { exportSecrets: boolean; persist: boolean }): boolean {
  return options.exportSecrets || !options.persist;
}

/** Activate a live stored session, with region and output from the session, else its lineage. */
export function activateStoredSession(view: ProfileView, session: ProfileInfo & { expiry: number }, exportSecrets: boolean): Activation {
  const lineage = getSessionLineage(view, session);
  const region = resolveRegion(view, lineage);
  const type = session.kind === 'role-session' ? 'rolesession' : 'mfasession';
  return {
    profile: session.name,
    ident: session.parent ?? session.name,
    credentials: exportSecrets ? readProfileCredentials(session.properties) : undefined,
    session: { type, name: session.name, expiry: session.expiry },
    region: region.value,
    output: resolveOutput(view, lineage),
    messages: [describeReused(session), ...region.messages],
  };
}

/** Tell the user which stored session is now active and for how long. */
function describeReused(session: ProfileInfo & { expiry: number }): string {
  const minutes = Math.floor((session.expiry - Date.now() / 1000) / 60);
  const left = minutes >= 60 ? `${Math.floor(minutes / 60)}h ${String(minutes % 60).padStart(2, '0')}m` : `${minutes}m`;
  return `awsmfa: using ${session.name}, ${left} left`;
}

/** Select a profile as it is, with AWS_PROFILE. */
export function selectByReference(view: ProfileView, info: ProfileInfo, messages: string[]): Activation {
  const region = resolveRegion(view, [info.name]);
  return { profile: info.name, ident: info.name, region: region.value, output: resolveOutput(view, [info.name]), messages: [...messages, ...region.messages] };
}
