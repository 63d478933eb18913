import { closeSync, mkdirSync, openSync, readFileSync, renameSync, statSync, unlinkSync, writeSync } from 'node:fs';
import { dirname, isAbsolute, join } from 'node:path';
import { getAwsFilePaths, getHomeDir, type AwsFilePaths } from '../files/paths.js';
import type { PropertyMap, ProfileView } from '../ini/view.js';
import { debug } from '../log.js';
import { getProfileKind, type ProfileKind } from '../profiles/catalog.js';
import type { ProfileEntry } from './profile-entries.js';

/** Size, modification time and inode of a file as strings, or `missing` when it does not exist. */
interface FileStamp {
  path: string;
  size?: string;
  mtimeNs?: string;
  ino?: string;
  missing?: true;
}

type CachedTable = Array<[name: string, properties: Array<[key: string, value: string]>]>;

/** The small cache that completion reads: names and kinds. */
interface NamesContent {
  version: number;
  files: FileStamp[];
  entries: Array<[name: string, kind: ProfileKind]>;
}

/** The cache of the merged view that `awsmfa use` of a live session reads. */
interface ViewContent {
  version: number;
  files: FileStamp[];
  profiles: CachedTable;
  ssoSessions: CachedTable;
  services: CachedTable;
}

const CACHE_VERSION = 3;

/**
 * Keys whose values never reach the cache. They are kept with this value, so that a cached
 * profile still counts as one with keys, but nothing may use them as credentials.
 */
export const UNCACHED_KEYS = new Set(['aws_access_key_id', 'aws_secret_access_key', 'aws_session_token', 'aws_security_token']);
export const UNCACHED_VALUE = '(not cached)';
const NAMES_FILE_NAME = 'profiles.json';
const VIEW_FILE_NAME = 'view.json';
const CACHE_FILE_MODE = 0o600;
const CACHE_DIR_MODE = 0o700;

/**
 * Age below which a file is not cached. Linux takes file times from a clock that advances in
 * ticks of a few milliseconds, so a file can change again within one tick with the same size and
 * inode, and its stamp would not show it.
 */
const RACY_WINDOW_NS = 2_000_000_000n;

/**
 * Read the profiles of both AWS files with their kinds, sorted by name. Completion runs this
 * on every Tab, so it reads a small cache of names and kinds alone (see readCachedView).
 *
 * @throws AwsmfaError when an AWS file exists but cannot be read.
 */
export async function readProfileEntries(env: NodeJS.ProcessEnv, nowMs: number = Date.now()): Promise<ProfileEntry[]> {
  const paths = getAwsFilePaths(env);
  const stamps = stampFiles(paths);
  const cached = readCache<NamesContent>(getProfileCachePath(env), stamps);
  if (cached !== undefined) {
    return cached.entries.map(([name, kind]) => ({ name: String(name), kind }));
  }
  return listEntries(await rebuildCaches(env, paths, stamps, nowMs));
}

/**
 * Read the merged view of both AWS files without their keys. It comes from a cache under
 * `$XDG_CACHE_HOME/awsmfa/` (default `~/.cache/awsmfa/`) while the size, modification time (ns)
 * and inode of both files match the cached ones. Otherwise the files are parsed and both
 * caches are written again. Access key ids, secret keys and tokens never reach a cache: their
 * values read as UNCACHED_VALUE here, also on a cache miss, so a caller behaves the same
 * either way. Caches are written atomically with mode 0600, and a cache that cannot be read
 * or written only costs the parse.
 *
 * @throws AwsmfaError when an AWS file exists but cannot be read.
 */
export async function readCachedView(env: NodeJS.ProcessEnv, nowMs: number = Date.now()): Promise<ProfileView> {
  const paths = getAwsFilePaths(env);
  const stamps = stampFiles(paths);
  const cached = readCache<ViewContent>(join(dirname(getProfileCachePath(env)), VIEW_FILE_NAME), stamps);
  if (cached !== undefined) {
    return toView(cached);
  }
  return rebuildCaches(env, paths, stamps, nowMs);
}

/** Parse both files, write both caches when the files are settled, and return the key-free view. */
async function rebuildCaches(env: NodeJS.ProcessEnv, paths: AwsFilePaths, stamps: FileStamp[], nowMs: number): Promise<ProfileView> {
  // The parser loads only on a cache miss, because a hit must stay fast enough for every Tab.
  const { loadProfileView } = await import('./profile-entries.js');
  const content: ViewContent = { version: CACHE_VERSION, files: stamps, ...toCachedTables(loadProfileView(paths)) };
  const view = toView(content);
  const unchanged = sameStamps(stamps, stampFiles(paths));
  if (unchanged && !isRacy(stamps, nowMs)) {
    const namesPath = getProfileCachePath(env);
    writeCache(join(dirname(namesPath), VIEW_FILE_NAME), content);
    writeCache(namesPath, { version: CACHE_VERSION, files: stamps, entries: listEntries(view).map((entry) => [entry.name, entry.kind]) });
  }
  return view;
}

function listEntries(view: ProfileView): ProfileEntry[] {
  return [...view.profiles.entries()].map(([name, properties]) => ({ name, kind: getProfileKind(name, properties) })).sort(compareNames);
}

function toCachedTables(view: ProfileView): Pick<ViewContent, 'profiles' | 'ssoSessions' | 'services'> {
  return { profiles: toCachedTable(view.profiles), ssoSessions: toCachedTable(view.ssoSessions), services: toCachedTable(view.services) };
}

function toCachedTable(table: Map<string, PropertyMap>): CachedTable {
  return [...table.entries()].map(([name, properties]) => [name, [...properties.entries()].map(([key, value]) => [key, UNCACHED_KEYS.has(key) ? UNCACHED_VALUE : value])]);
}

function toView(content: ViewContent): ProfileView {
  const toTable = (table: CachedTable) => new Map(table.map(([name, properties]) => [String(name), new Map(properties.map(([key, value]) => [String(key), String(value)]))]));
  return { profiles: toTable(content.profiles), ssoSessions: toTable(content.ssoSessions), services: toTable(content.services) };
}

/** Order by UTF-16 code units, so that the order does not depend on the locale. */
function compareNames(a: ProfileEntry, b: ProfileEntry): number {
  if (a.name === b.name) {
    return 0;
  }
  return a.name < b.name ? -1 : 1;
}

/**
 * Return `$XDG_CACHE_HOME/awsmfa/profiles.json`, the names cache; the view cache sits beside
 * it. A relative XDG_CACHE_HOME is ignored, because the XDG Base Directory Specification calls
 * relative paths in its variables invalid.
 */
export function getProfileCachePath(env: NodeJS.ProcessEnv): string {
  const base = env.XDG_CACHE_HOME && isAbsolute(env.XDG_CACHE_HOME) ? env.XDG_CACHE_HOME : join(getHomeDir(env), '.cache');
  return join(base, 'awsmfa', NAMES_FILE_NAME);
}

function stampFiles(paths: AwsFilePaths): FileStamp[] {
  return [stampFile(paths.config), stampFile(paths.credentials)];
}

function stampFile(path: string): FileStamp {
  const stats = statSync(path, { bigint: true, throwIfNoEntry: false });
  if (stats === undefined) {
    return { path, missing: true };
  }
  return { path, size: String(stats.size), mtimeNs: String(stats.mtimeNs), ino: String(stats.ino) };
}

function sameStamps(a: FileStamp[], b: FileStamp[]): boolean {
  return JSON.stringify(a) === JSON.stringify(b);
}

function isRacy(stamps: FileStamp[], nowMs: number): boolean {
  const nowNs = BigInt(nowMs) * 1_000_000n;
  return stamps.some((stamp) => stamp.mtimeNs !== undefined && nowNs - BigInt(stamp.mtimeNs) < RACY_WINDOW_NS);
}

function readCache<T extends { version: number; files: FileStamp[] }>(path: string, stamps: FileStamp[]): T | undefined {
  try {
    const content = JSON.parse(readFileSync(path, 'utf8')) as T;
    if (content.version !== CACHE_VERSION || !sameStamps(content.files, stamps)) {
      return undefined;
    }
    return content;
  } catch {
    // A missing, partial or foreign cache file is rebuilt from the AWS files.
    return undefined;
  }
}

/** Write to a new file in the same folder, then rename it over the cache. */
function writeCache(path: string, content: NamesContent | ViewContent): void {
  const temporary = `${path}.${process.pid}.${Math.random().toString(36).slice(2)}.tmp`;
  let fd: number | undefined;
  try {
    mkdirSync(dirname(path), { recursive: true, mode: CACHE_DIR_MODE });
    fd = openSync(temporary, 'wx', CACHE_FILE_MODE);
    writeSync(fd, `${JSON.stringify(content)}\n`);
    closeSync(fd);
    fd = undefined;
    renameSync(temporary, path);
  } catch (error) {
    debug(`cannot write the profile cache ${path}: ${(error as Error).message}`);
    if (fd !== undefined) {
      closeSync(fd);
    }
    try {
      unlinkSync(temporary);
    } catch {
      // The temporary file was never created or was already renamed.
    }
  }
}
