import type { AwsFilePaths } from '../files/paths.js';
import { readDocuments } from '../files/store.js';
import { buildProfileView } from '../ini/view.js';
import { maskKeyId } from '../log.js';
import { EXPIRY_MARGIN_SECONDS, hasStaticKeys, listProfiles, type ProfileInfo } from '../profiles/catalog.js';

export type SessionState = 'live' | 'expired' | 'unknown';

export interface SessionStatus {
  name: string;
  kind: 'mfa-session' | 'role-session';
  parent: string;
  expiry: string | null;
  secondsLeft: number | null;
  state: SessionState;
}

export interface CurrentSelection {
  profile: string | null;
  /** Masked access key id when keys are exported, e.g. `…MPLE`. */
  accessKey: string | null;
  expiry: string | null;
  secondsLeft: number | null;
}

export interface StatusReport {
  current: CurrentSelection;
  sessions: SessionStatus[];
}

export interface StatusDeps {
  env: NodeJS.ProcessEnv;
  paths: AwsFilePaths;
  now: () => number;
}

/** Collect what the environment selects and every stored session with its time left. */
export function runStatus(deps: StatusDeps): StatusReport {
  const docs = readDocuments(deps.paths);
  const nowSeconds = Math.floor(deps.now() / 1000);
  const sessions = listProfiles(buildProfileView(docs.config, docs.credentials))
    .filter((info) => info.kind === 'mfa-session' || info.kind === 'role-session')
    // A config section left from a deleted session has neither keys nor expiry.
    .filter((info) => hasStaticKeys(info.properties) || info.expiry !== undefined)
    .map((info) => describeSession(info, nowSeconds))
    .sort((a, b) => a.name.localeCompare(b.name));
  return { current: describeCurrent(deps.env, nowSeconds), sessions };
}

function describeSession(info: ProfileInfo, nowSeconds: number): SessionStatus {
  const secondsLeft = info.expiry === undefined ? null : info.expiry - nowSeconds;
  return {
    name: info.name,
    kind: info.kind as SessionStatus['kind'],
    parent: info.parent ?? '',
    expiry: info.expiry === undefined ? null : toIso(info.expiry),
    secondsLeft,
    state: getState(secondsLeft),
  };
}

function describeCurrent(env: NodeJS.ProcessEnv, nowSeconds: number): CurrentSelection {
  const expiry = Number(env.AWS_SESSION_EXPIRY);
  const known = Boolean(env.AWS_SESSION_EXPIRY) && Number.isFinite(expiry);
  return {
    profile: env.AWS_PROFILE || env.AWS_DEFAULT_PROFILE || null,
    accessKey: env.AWS_ACCESS_KEY_ID ? maskKeyId(env.AWS_ACCESS_KEY_ID) : null,
    expiry: known ? toIso(expiry) : null,
    secondsLeft: known ? expiry - nowSeconds : null,
  };
}

function getState(secondsLeft: number | null): SessionState {
  if (secondsLeft === null) {
    return 'unknown';
  }
  return secondsLeft >= EXPIRY_MARGIN_SECONDS ? 'live' : 'expired';
}

/** Render the report as lines for a terminal. */
export function formatStatus(report: StatusReport): string {
  const lines = [`current: ${formatCurrent(report.current)}`];
  if (report.sessions.length === 0) {
    lines.push('sessions: none stored');
  } else {
    lines.push('sessions:');
    const width = Math.max(...report.sessions.map((session) => session.name.length));
    for (const session of report.sessions) {
      lines.push(`  ${session.name.padEnd(width)}  ${session.kind.padEnd(12)}  ${formatTimeLeft(session)}`);
    }
  }
  return `${lines.join('\n')}\n`;
}

function formatCurrent(current: CurrentSelection): string {
  const parts: string[] = [];
  if (current.profile) {
    parts.push(`AWS_PROFILE=${current.profile}`);
  }
  if (current.accessKey) {
    parts.push(`keys in the environment (AWS_ACCESS_KEY_ID ${current.accessKey})`);
  }
  if (parts.length === 0) {
    return 'nothing selected (no AWS_PROFILE and no keys in the environment)';
  }
  if (current.secondsLeft !== null) {
    parts.push(current.secondsLeft < EXPIRY_MARGIN_SECONDS ? 'session EXPIRED' : `session ${formatDuration(current.secondsLeft)} left`);
  }
  return parts.join(', ');
}

function formatTimeLeft(session: SessionStatus): string {
  if (session.state === 'unknown') {
    return 'no expiry recorded';
  }
  if (session.state === 'expired') {
    // awsmfa renews a session with less than EXPIRY_MARGIN_SECONDS left, so it counts as expired.
    const left = session.secondsLeft ?? 0;
    return left > 0 ? `EXPIRED (less than ${EXPIRY_MARGIN_SECONDS / 60} minutes left, until ${session.expiry})` : `EXPIRED (at ${session.expiry})`;
  }
  return `${formatDuration(session.secondsLeft ?? 0)} left (until ${session.expiry})`;
}

export function formatDuration(seconds: number): string {
  const hours = Math.floor(seconds / 3600);
  const minutes = Math.floor((seconds % 3600) / 60);
  return hours > 0 ? `${hours}h ${String(minutes).padStart(2, '0')}m` : `${minutes}m`;
}

function toIso(epochSeconds: number): string {
  return new Date(epochSeconds * 1000).toISOString().replace(/\.\d{3}Z$/, 'Z');
}
