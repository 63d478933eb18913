import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { AwsmfaError } from './errors.js';
import { getHomeDir } from './files/paths.js';

/** User defaults from `$XDG_CONFIG_HOME/awsmfa/config.toml`. */
export interface Settings {
  durationSeconds?: number;
  persist?: boolean;
  exportSecrets?: boolean;
  quick?: boolean;
  color?: boolean;
}

const KEYS: Record<string, { field: keyof Settings; type: 'number' | 'boolean' }> = {
  duration_seconds: { field: 'durationSeconds', type: 'number' },
  persist: { field: 'persist', type: 'boolean' },
  export_secrets: { field: 'exportSecrets', type: 'boolean' },
  quick: { field: 'quick', type: 'boolean' },
  color: { field: 'color', type: 'boolean' },
};

export function getSettingsPath(env: NodeJS.ProcessEnv): string {
  const base = env.XDG_CONFIG_HOME || join(getHomeDir(env), '.config');
  return join(base, 'awsmfa', 'config.toml');
}

/** Load the settings file; a missing file gives empty settings and never loads the TOML parser. */
export async function loadSettings(env: NodeJS.ProcessEnv): Promise<Settings> {
  const path = getSettingsPath(env);
  let text: string;
  try {
    text = readFileSync(path, 'utf8');
  } catch {
    return {};
  }
  const { parse, TomlError } = await import('smol-toml');
  try {
    return toSettings(parse(text), path);
  } catch (error) {
    if (error instanceof TomlError) {
      throw new AwsmfaError(`invalid settings file ${path}: ${error.message}`, { hint: 'fix the TOML syntax or delete the file' });
    }
    throw error;
  }
}

function toSettings(table: Record<string, unknown>, path: string): Settings {
  const settings: Settings = {};
  for (const [key, value] of Object.entries(table)) {
    const spec = KEYS[key];
    if (spec === undefined) {
      throw new AwsmfaError(`unknown key '${key}' in ${path}`, { hint: `known keys: ${Object.keys(KEYS).join(', ')}` });
    }
    if (typeof value !== spec.type) {
      throw new AwsmfaError(`'${key}' in ${path} must be a ${spec.type}, got ${JSON.stringify(value)}`);
    }
    (settings as Record<string, unknown>)[spec.field] = value;
  }
  return settings;
}
