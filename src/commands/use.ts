import { AwsmfaError, ProfileNotFoundError } from '../errors.js';
import { InvalidTokenCodeError } from '../aws/errors.js';
import type { AwsApi, SessionCredentials, StaticCredentials } from '../aws/types.js';
import type { AwsFilePaths } from '../files/paths.js';
import { readDocuments, updateDocuments } from '../files/store.js';
import { setProperties } from '../ini/edit.js';
import { buildProfileView, type PropertyMap, type ProfileView } from '../ini/view.js';
import { debug, registerSecret } from '../log.js';
import type { Prompter } from '../prompt.js';
import { describeProfile, isLive, MFA_SESSION_SUFFIX, type ProfileInfo } from '../profiles/catalog.js';
import { resolveRegion } from '../profiles/region.js';
import type { Activation } from '../session/activation.js';
import { resolveMfaDuration } from '../session/duration.js';
import { askCode, assertCodeFormat, runMfaProcess } from '../session/mfa-code.js';
import { resolveMfaSerial } from '../session/mfa-device.js';
import type { Settings } from '../settings.js';

const MAX_CODE_ATTEMPTS = 3;

export interface UseInput {
  profile: string;
  code?: string;
  noMfa: boolean;
  persist: boolean;
  exportSecrets: boolean;
  duration?: number;
}

export interface UseDeps {
  env: NodeJS.ProcessEnv;
  paths: AwsFilePaths;
  settings: Settings;
  /** Current time in milliseconds. */
  now: () => number;
  /** Create the AWS adapter for a region; called only when a request must be made. */
  createApi: (region: string | undefined) => AwsApi | Promise<AwsApi>;
  prompter: Prompter;
}

/** Activate a profile: reuse a live session, start a new MFA session, or select the profile. */
export async function runUse(input: UseInput, deps: UseDeps): Promise<Activation> {
  if (input.code !== undefined) {
    registerSecret(input.code);
    assertCodeFormat(input.code, '--code');
  }
  const docs = readDocuments(deps.paths);
  const view = buildProfileView(docs.config, docs.credentials);
  const properties = view.profiles.get(input.profile);
  if (properties === undefined) {
    throw new ProfileNotFoundError(input.profile, [...view.profiles.keys()]);
  }
  const info = describeProfile(view, input.profile, properties);
  const nowSeconds = Math.floor(deps.now() / 1000);

  switch (info.kind) {
    case 'mfa-session':
    case 'role-session':
      return activateStoredSession(view, info, nowSeconds, input);
    case 'base':
      return useBaseProfile(view, info, input, deps, nowSeconds);
    case 'role':
      // TODO: role sessions (AssumeRole) are not built yet; select the role by reference until then.
      return selectByReference(view, info, ['awsmfa: role sessions are not supported yet; selected the role profile as it is']);
    default:
      return selectByReference(view, info, [`awsmfa: '${info.name}' is a ${info.kind} profile; selected it as it is`]);
  }
}

function activateStoredSession(view: ProfileView, info: ProfileInfo, nowSeconds: number, input: UseInput): Activation {
  if (!isLive(info, nowSeconds)) {
    const when = info.expiry === undefined ? 'has no recorded expiry' : `expired at ${new Date(info.expiry * 1000).toISOString()}`;
    throw new AwsmfaError(`session '${info.name}' ${when}`, { hint: `start a new one with \`awsmfa use ${info.parent}\`` });
  }
  return activateSession(view, info, input.exportSecrets);
}

async function useBaseProfile(view: ProfileView, info: ProfileInfo, input: UseInput, deps: UseDeps, nowSeconds: number): Promise<Activation> {
  if (input.noMfa) {
    debug(`--no-mfa: selecting base profile ${info.name}`);
    return selectByReference(view, info, []);
  }
  const sessionName = `${info.name}${MFA_SESSION_SUFFIX}`;
  const stored = view.profiles.get(sessionName);
  const session = stored === undefined ? undefined : describeProfile(view, sessionName, stored);
  if (isLive(session, nowSeconds)) {
    debug(`reusing live session ${sessionName}, ${session.expiry - nowSeconds} s left`);
    return activateSession(view, session, input.exportSecrets);
  }
  return startMfaSession(view, info, input, deps);
}

async function startMfaSession(view: ProfileView, info: ProfileInfo, input: UseInput, deps: UseDeps): Promise<Activation> {
  const duration = resolveMfaDuration(input.duration, info.properties, deps.settings.durationSeconds);
  debug(`session length ${duration.seconds} s from ${duration.source}`);
  const region = resolveRegion(view, [info.name], deps.env);
  const api = await deps.createApi(region.value);
  const credentials = readStaticCredentials(info);
  const serial = await resolveMfaSerial({ profile: info.name, properties: info.properties, credentials, api, prompter: deps.prompter, paths: deps.paths });

  const session = await requestSessionToken(api, credentials, serial, duration.seconds, info, input, deps);
  if (session === undefined) {
    return selectByReference(view, info, [`awsmfa: no code entered; selected '${info.name}' without MFA`]);
  }
  const sessionName = `${info.name}${MFA_SESSION_SUFFIX}`;
  const output = info.properties.get('output') ?? view.profiles.get('default')?.get('output');
  if (input.persist) {
    await storeSession(deps.paths, sessionName, session, region.value, output);
  }
  const expiry = Math.floor(session.expiration.getTime() / 1000);
  return {
    profile: sessionName,
    ident: info.name,
    credentials: input.persist && !input.exportSecrets ? undefined : session,
    session: { type: 'mfasession', name: sessionName, expiry },
    region: region.value,
    output,
    messages: [`awsmfa: started ${sessionName}, valid until ${new Date(expiry * 1000).toISOString()}`, ...region.messages],
  };
}

/**
 * Call GetSessionToken, asking for the code again (up to three times) when STS rejects a
 * prompted code. Resolves undefined when the user leaves the code blank.
 */
async function requestSessionToken(
  api: AwsApi,
  credentials: StaticCredentials,
  serial: string,
  durationSeconds: number,
  info: ProfileInfo,
  input: UseInput,
  deps: UseDeps,
): Promise<SessionCredentials | undefined> {
  const mfaProcess = info.properties.get('mfa_process');
  for (let attempt = 1; ; attempt++) {
    const prompted = input.code === undefined && !mfaProcess;
    const code = input.code ?? (mfaProcess ? await runMfaProcess(mfaProcess, info.name) : await askCode(deps.prompter, serial, attempt));
    if (code === '') {
      return undefined;
    }
    try {
      return await api.getSessionToken(credentials, { serialNumber: serial, tokenCode: code, durationSeconds });
    } catch (error) {
      if (!(error instanceof InvalidTokenCodeError) || !prompted || attempt >= MAX_CODE_ATTEMPTS) {
        throw error;
      }
    }
  }
}

function readStaticCredentials(info: ProfileInfo): StaticCredentials {
  const credentials: StaticCredentials = {
    accessKeyId: info.properties.get('aws_access_key_id') ?? '',
    secretAccessKey: info.properties.get('aws_secret_access_key') ?? '',
  };
  const token = info.properties.get('aws_session_token');
  if (token) {
    credentials.sessionToken = token;
  }
  registerSecret(credentials.secretAccessKey);
  registerSecret(token);
  return credentials;
}

/** Write the session to `[NAME]` in credentials and `[profile NAME]` in config. */
async function storeSession(paths: AwsFilePaths, name: string, session: SessionCredentials, region: string | undefined, output: string | undefined): Promise<void> {
  const expiry = Math.floor(session.expiration.getTime() / 1000);
  const configEntries: Array<[string, string]> = [];
  if (region) {
    configEntries.push(['region', region]);
  }
  if (output) {
    configEntries.push(['output', output]);
  }
  await updateDocuments(paths, {
    credentials: (doc) =>
      setProperties(doc, name, [
        ['aws_access_key_id', session.accessKeyId],
        ['aws_secret_access_key', session.secretAccessKey],
        ['aws_session_token', session.sessionToken],
        ['aws_session_expiry', String(expiry)],
        ['x_security_token_expires', new Date(expiry * 1000).toISOString().replace(/\.\d{3}Z$/, 'Z')],
      ]),
    ...(configEntries.length > 0 ? { config: (doc) => setProperties(doc, name, configEntries) } : {}),
  });
  debug(`stored session ${name} in ${paths.credentials}`);
}

function activateSession(view: ProfileView, session: ProfileInfo & { expiry: number }, exportSecrets: boolean): Activation {
  const parent = session.parent ?? session.name;
  const region = resolveRegion(view, [session.name, parent], process.env);
  const type = session.kind === 'role-session' ? 'rolesession' : 'mfasession';
  return {
    profile: session.name,
    ident: parent,
    credentials: exportSecrets ? readStaticCredentials(session) : undefined,
    session: { type, name: session.name, expiry: session.expiry },
    region: region.value,
    output: readOutput(view, [session.name, parent]),
    messages: region.messages,
  };
}

function selectByReference(view: ProfileView, info: ProfileInfo, messages: string[]): Activation {
  const region = resolveRegion(view, [info.name], process.env);
  return { profile: info.name, ident: info.name, region: region.value, output: readOutput(view, [info.name]), messages: [...messages, ...region.messages] };
}

function readOutput(view: ProfileView, chain: string[]): string | undefined {
  for (const name of [...chain, 'default']) {
    const value = (view.profiles.get(name) as PropertyMap | undefined)?.get('output');
    if (value) {
      return value;
    }
  }
  return undefined;
}
