import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { IamUser } from './moto.js';

export interface TestHome {
  home: string;
  config: string;
  credentials: string;
  read(file: 'config' | 'credentials'): string;
  remove(): void;
}

/** Create a temporary HOME with `~/.aws/config` and `~/.aws/credentials` holding the given text. */
export function createHome(files: { config?: string; credentials?: string } = {}): TestHome {
  const home = mkdtempSync(join(tmpdir(), 'awsmfa-home-'));
  const aws = join(home, '.aws');
  mkdirSync(aws, { mode: 0o700 });
  const config = join(aws, 'config');
  const credentials = join(aws, 'credentials');
  if (files.config !== undefined) {
    writeFileSync(config, files.config, { mode: 0o600 });
  }
  if (files.credentials !== undefined) {
    writeFileSync(credentials, files.credentials, { mode: 0o600 });
  }
  return {
    home,
    config,
    credentials,
    read: (file) => readFileSync(file === 'config' ? config : credentials, 'utf8'),
    remove: () => rmSync(home, { recursive: true, force: true }),
  };
}

/** Credentials-file section with a user's long-term keys. */
export function keySection(profile: string, user: IamUser): string {
  return `[${profile}]\naws_access_key_id = ${user.accessKeyId}\naws_secret_access_key = ${user.secretAccessKey}\n`;
}
