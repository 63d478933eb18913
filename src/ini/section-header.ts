import { isIdentifier, trimSpaceAndTab, trimUnicode } from './line.js';
import type { FileKind, IniSection, SectionKind } from './parse.js';

const SECTION_PREFIXES: ReadonlyArray<Exclude<SectionKind, 'ignored'>> = ['profile', 'sso-session', 'services'];

/**
 * Describe a header the way the SDKs normalise it. In config, profiles need `[profile NAME]`
 * (except `[default]`); in credentials the header is the bare name and a `profile` prefix
 * makes the section ignored. Names with characters outside the identifier set are ignored.
 */
export function describeSection(kind: FileKind, rawHeader: string, line: number): IniSection {
  const header = trimSpaceAndTab(rawHeader);
  const section: IniSection = { header, kind: 'ignored', name: header, line, prefixedDefault: false, profilePrefix: false };
  const prefixed = splitPrefix(header);

  section.profilePrefix = prefixed?.kind === 'profile';
  if (kind === 'credentials') {
    if (section.profilePrefix) {
      section.name = prefixed?.name ?? header;
    } else if (isIdentifier(header)) {
      section.kind = 'profile';
    }
    return section;
  }
  if (header === 'default') {
    section.kind = 'profile';
    return section;
  }
  if (prefixed !== undefined) {
    section.name = prefixed.name;
    section.kind = isIdentifier(prefixed.name) ? prefixed.kind : 'ignored';
    section.prefixedDefault = section.kind === 'profile' && prefixed.name === 'default';
  }
  return section;
}

/** `profile NAME`, `sso-session NAME` or `services NAME`: the prefix must be followed by whitespace. */
function splitPrefix(header: string): { kind: Exclude<SectionKind, 'ignored'>; name: string } | undefined {
  for (const prefix of SECTION_PREFIXES) {
    const next = header[prefix.length];
    if (header.startsWith(prefix) && (next === ' ' || next === '\t')) {
      return { kind: prefix, name: trimUnicode(header.slice(prefix.length)) };
    }
  }
  return undefined;
}
