import { join } from 'node:path';

export const ENV_CONFIG_FILE = 'AWS_CONFIG_FILE';
export const ENV_CREDENTIALS_FILE = 'AWS_SHARED_CREDENTIALS_FILE';

export interface AwsFilePaths {
  config: string;
  credentials: string;
}

/** Home directory in the SDKs' order: HOME, USERPROFILE, then HOMEDRIVE + HOMEPATH. */
export function getHomeDir(env: NodeJS.ProcessEnv): string {
  if (env.HOME) {
    return env.HOME;
  }
  if (env.USERPROFILE) {
    return env.USERPROFILE;
  }
  if (env.HOMEPATH) {
    return `${env.HOMEDRIVE ?? 'C:'}${env.HOMEPATH}`;
  }
  return process.cwd();
}

/** Paths of both shared files; AWS_CONFIG_FILE and AWS_SHARED_CREDENTIALS_FILE override each. */
export function getAwsFilePaths(env: NodeJS.ProcessEnv): AwsFilePaths {
  const home = getHomeDir(env);
  return {
    config: expandHome(env[ENV_CONFIG_FILE] || join(home, '.aws', 'config'), home),
    credentials: expandHome(env[ENV_CREDENTIALS_FILE] || join(home, '.aws', 'credentials'), home),
  };
}

function expandHome(path: string, home: string): string {
  if (path === '~') {
    return home;
  }
  return path.startsWith('~/') || path.startsWith('~\\') ? join(home, path.slice(2)) : path;
}
