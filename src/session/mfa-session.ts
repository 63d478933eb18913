import type { SessionCredentials } from '../aws/types.js';
import type { ProfileView } from '../ini/view.js';
import { debug } from '../log.js';
import { MFA_SESSION_SUFFIX, type ProfileInfo } from '../profiles/catalog.js';
import { resolveOutput } from '../profiles/inherited.js';
import { resolveRegion } from '../profiles/region.js';
import type { SessionContext } from './context.js';
import { requestWithCode } from './code-retry.js';
import { readProfileCredentials } from './credentials.js';
import { resolveMfaDuration } from './duration.js';
import { rememberMfaSerial, resolveMfaSerial } from './mfa-device.js';
import { storeSessionOrKeep } from './store-session.js';

/** A session that STS has just returned. */
export interface StartedSession {
  /** Name of the session profile, e.g. `dev-mfasession`. */
  name: string;
  credentials: SessionCredentials;
  /** Expiry in epoch seconds, exactly as STS returned it. */
  expiry: number;
  region: string | undefined;
  output: string | undefined;
  /** Notes for the user, such as a missing region. */
  messages: string[];
  /** One line for each session started first to authenticate this one, oldest first. */
  startedFirst: string[];
  /** Reason a session meant to be stored was not, when storing failed. The session is then exported. */
  notStored?: string;
}

export interface MfaSessionOptions {
  /** Code from --code, already checked for format. */
  code: string | undefined;
  /** Length from --duration, in seconds. */
  duration: number | undefined;
  persist: boolean;
}

/**
 * Start an MFA session for a base profile with STS GetSessionToken and store it as
 * `BASE-mfasession` when `persist` is set. Resolves undefined when the user leaves the code
 * blank, which means "use the base profile without MFA".
 */
export async function startMfaSession(view: ProfileView, info: ProfileInfo, options: MfaSessionOptions, context: SessionContext): Promise<StartedSession | undefined> {
  const duration = resolveMfaDuration(options.duration, info.properties, context.settings.durationSeconds);
  debug(`session length ${duration.seconds} s from ${duration.source}`);
  const name = `${info.name}${MFA_SESSION_SUFFIX}`;
  // A stored session profile may carry its own region and output, which win over the base's.
  const lineage = [name, info.name];
  const region = resolveRegion(view, lineage);
  if (options.persist) {
    // Loaded here: the preflight pulls in the write path, which a reused session never needs.
    const { assertFilesWritable } = await import('../files/preflight.js');
    assertFilesWritable(context.paths);
  }
  const api = await context.createApi(region.value);
  const credentials = readProfileCredentials(info.properties);
  const device = await resolveMfaSerial({ profile: info.name, properties: info.properties, credentials, api, prompter: context.prompter });
  const serial = device.serial;

  const codeOptions = { flag: options.code, mfaProcess: info.properties.get('mfa_process'), profile: info.name, serial, prompter: context.prompter };
  const session = await requestWithCode(codeOptions, (code) => api.getSessionToken(credentials, { serialNumber: serial, tokenCode: code, durationSeconds: duration.seconds }));
  if (session === undefined) {
    return undefined;
  }
  const output = resolveOutput(view, lineage);
  let notStored: string | undefined;
  if (options.persist) {
    notStored = await storeSessionOrKeep(context.paths, name, session, region.value, output);
    if (device.chosen && notStored === undefined) {
      await rememberMfaSerial(context.paths, info.name, serial);
    }
  }
  const expiry = Math.floor(session.expiration.getTime() / 1000);
  return { name, credentials: session, expiry, region: region.value, output, messages: region.messages, startedFirst: [], notStored };
}

/** Describe a started session for the user: "awsmfa: started NAME, valid until ISO-TIME". */
export function describeStarted(started: StartedSession): string {
  return `awsmfa: started ${started.name}, valid until ${new Date(started.expiry * 1000).toISOString().replace(/\.\d{3}Z$/, 'Z')}`;
}
