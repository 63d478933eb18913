import { homedir } from 'node:os';
import { posix, win32 } from 'node:path';

export const ENV_CONFIG_FILE = 'AWS_CONFIG_FILE';
export const ENV_CREDENTIALS_FILE = 'AWS_SHARED_CREDENTIALS_FILE';
export const ENV_PROFILE = 'AWS_PROFILE';
export const DEFAULT_PROFILE = 'default';

export interface AwsFilePaths {
  config: string;
  credentials: string;
}

/**
 * Home directory in the SDKs' order: HOME, USERPROFILE, then HOMEDRIVE + HOMEPATH (HOMEDRIVE
 * defaults to C:), else the operating system's idea of it.
 */
export function getHomeDir(env: NodeJS.ProcessEnv): string {
  if (env.HOME) {
    return env.HOME;
  }
  if (env.USERPROFILE) {
    return env.USERPROFILE;
  }
  if (env.HOMEPATH) {
    return `${env.HOMEDRIVE || 'C:'}${env.HOMEPATH}`;
  }
  return homedir();
}

/**
 * Paths of both shared files; AWS_CONFIG_FILE and AWS_SHARED_CREDENTIALS_FILE override each,
 * and a leading `~/` (or `~\` on Windows) in them means the home directory.
 */
export function getAwsFilePaths(env: NodeJS.ProcessEnv, platform: NodeJS.Platform = process.platform): AwsFilePaths {
  const path = platform === 'win32' ? win32 : posix;
  const home = getHomeDir(env);
  return {
    config: expandHome(env[ENV_CONFIG_FILE] || path.join(home, '.aws', 'config'), home, platform),
    credentials: expandHome(env[ENV_CREDENTIALS_FILE] || path.join(home, '.aws', 'credentials'), home, platform),
  };
}

/** Return the profile the SDKs select when none is named: AWS_PROFILE, else `default`. */
export function getProfileName(env: NodeJS.ProcessEnv): string {
  return env[ENV_PROFILE] || DEFAULT_PROFILE;
}

function expandHome(file: string, home: string, platform: NodeJS.Platform): string {
  const path = platform === 'win32' ? win32 : posix;
  if (file === '~') {
    return home;
  }
  const separatorFollows = file.startsWith('~/') || (platform === 'win32' && file.startsWith('~\\'));
  return separatorFollows ? path.join(home, file.slice(2)) : file;
}
