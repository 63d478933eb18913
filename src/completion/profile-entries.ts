import type { AwsFilePaths } from '../files/paths.js';
import { readDocuments } from '../files/store.js';
import { buildProfileView, type ProfileView } from '../ini/view.js';
import type { ProfileKind } from '../profiles/catalog.js';

/** A profile name and kind: what `awsmfa list` prints and completion offers. */
export interface ProfileEntry {
  name: string;
  kind: ProfileKind;
}

/** Parse both AWS files into their merged view. */
export function loadProfileView(paths: AwsFilePaths): ProfileView {
  const docs = readDocuments(paths);
  return buildProfileView(docs.config, docs.credentials);
}
