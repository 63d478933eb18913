import { trimSpaceAndTab } from './line.js';
import { isValidPropertyName, type IniDocument, type IniLine } from './parse.js';

/** Properties of one profile, keyed by lower-case property name (keys are case-insensitive). */
export type PropertyMap = Map<string, string>;

/** The merged, read-only view of both files, as the AWS SDKs build it. */
export interface ProfileView {
  profiles: Map<string, PropertyMap>;
  ssoSessions: Map<string, PropertyMap>;
  services: Map<string, PropertyMap>;
}

/**
 * Merge the config and credentials documents. Duplicate sections merge and the last value of
 * a key wins. A credentials value wins over a config value. In the config file any
 * `[profile default]` hides every plain `[default]`.
 */
export function buildProfileView(config: IniDocument, credentials: IniDocument): ProfileView {
  const view: ProfileView = { profiles: new Map(), ssoSessions: new Map(), services: new Map() };

  collectSections(view, config);
  collectSections(view, credentials);
  return view;
}

function collectSections(view: ProfileView, doc: IniDocument): void {
  const hasPrefixedDefault = doc.sections.some((section) => section.prefixedDefault);
  const lines = doc.lines;

  for (let i = 0; i < lines.length; i++) {
    const line = lines[i] as IniLine;
    if (line.kind !== 'property' || line.section < 0) {
      continue;
    }
    const section = doc.sections[line.section];
    if (section === undefined || section.kind === 'ignored') {
      continue;
    }
    if (section.kind === 'profile' && section.name === 'default' && hasPrefixedDefault && !section.prefixedDefault) {
      continue;
    }
    const key = line.key ?? '';
    if (!isValidPropertyName(key)) {
      continue;
    }
    const target = getOrCreate(tableFor(view, section.kind), section.name);
    target.set(key.toLowerCase(), readValue(lines, i));
  }
  for (const section of doc.sections) {
    if (section.kind !== 'ignored' && !(section.name === 'default' && hasPrefixedDefault && !section.prefixedDefault)) {
      getOrCreate(tableFor(view, section.kind), section.name);
    }
  }
}

function tableFor(view: ProfileView, kind: 'profile' | 'sso-session' | 'services'): Map<string, PropertyMap> {
  if (kind === 'sso-session') {
    return view.ssoSessions;
  }
  return kind === 'services' ? view.services : view.profiles;
}

function getOrCreate(table: Map<string, PropertyMap>, name: string): PropertyMap {
  let properties = table.get(name);
  if (properties === undefined) {
    properties = new Map();
    table.set(name, properties);
  }
  return properties;
}

/** Join a property's value with its continuation or sub-property lines, each trimmed of spaces and tabs. */
function readValue(lines: IniLine[], index: number): string {
  let value = lines[index]?.value ?? '';

  for (let i = index + 1; i < lines.length; i++) {
    const line = lines[i] as IniLine;
    if (line.kind === 'blank' || line.kind === 'comment') {
      continue;
    }
    if ((line.kind !== 'continuation' && line.kind !== 'subproperty') || line.property !== index) {
      break;
    }
    value += `\n${trimSpaceAndTab(line.text)}`;
  }
  return value;
}
