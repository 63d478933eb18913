import type { AwsFilePaths } from '../files/paths.js';
import { readDocuments } from '../files/store.js';
import { buildProfileView } from '../ini/view.js';
import { listProfiles, type ProfileKind } from '../profiles/catalog.js';

/** A profile name and kind: what `awsmfa list` prints and completion offers. */
export interface ProfileEntry {
  name: string;
  kind: ProfileKind;
}

/** Parse both AWS files and return every profile with its kind, sorted by name. */
export function loadProfileEntries(paths: AwsFilePaths): ProfileEntry[] {
  const docs = readDocuments(paths);
  const view = buildProfileView(docs.config, docs.credentials);
  return listProfiles(view)
    .map((info) => ({ name: info.name, kind: info.kind }))
    .sort(compareNames);
}

/** Order by UTF-16 code units, so that the order does not depend on the locale. */
function compareNames(a: ProfileEntry, b: ProfileEntry): number {
  if (a.name === b.name) {
    return 0;
  }
  return a.name < b.name ? -1 : 1;
}
