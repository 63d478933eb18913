import type { ProfileView } from '../ini/view.js';

export interface RegionChoice {
  value: string | undefined;
  messages: string[];
}

/**
 * Region of a profile: from the first profile in `chain` (the session, then its parent) that
 * sets one, else `[default]`. With none, nothing is exported and a message explains how to
 * set one, because a placeholder region would send requests to the wrong place.
 */
export function resolveRegion(view: ProfileView, chain: string[]): RegionChoice {
  for (const name of [...chain, 'default']) {
    const value = view.profiles.get(name)?.get('region');
    if (value) {
      return { value, messages: [] };
    }
  }
  const target = chain[chain.length - 1] ?? 'default';
  return {
    value: undefined,
    messages: [`awsmfa: no region is set for '${target}'; set one with \`aws configure set region REGION --profile ${target}\``],
  };
}
