import type { CommandSpec, OptionSpec, PositionalSpec } from './command-spec.js';

export interface Candidate {
  value: string;
  description?: string;
}

/**
 * Reply for the word at the cursor: these candidates, file names, or the completion of a command
 * line that starts at word `start` (the command that `awsmfa exec` runs).
 */
export type CompletionReply =
  | { kind: 'values'; candidates: Candidate[] }
  | { kind: 'files' }
  | { kind: 'command'; start: number };

export interface ProfileCandidate {
  name: string;
  kind: string;
}

export type ProfileReader = () => Promise<ProfileCandidate[]>;

/** Parser state after the words before the cursor. */
interface WalkState {
  node: CommandSpec;
  positionalIndex: number;
  /** An option that still needs its value: the word at the cursor is that value. */
  pendingOption?: OptionSpec;
  afterDoubleDash: boolean;
  commandStart?: number;
}

/**
 * Complete the last of `words`, the words after `awsmfa` up to the cursor (the last one may be
 * empty). Candidates start with that word. `readProfiles` runs only when profile names are due.
 */
export async function completeWords(words: string[], spec: CommandSpec, readProfiles: ProfileReader): Promise<CompletionReply> {
  const current = words.length > 0 ? (words[words.length - 1] as string) : '';
  const state = walkWords(words.slice(0, -1), spec);

  if (state.commandStart !== undefined) {
    return { kind: 'command', start: state.commandStart };
  }
  if (state.pendingOption !== undefined) {
    return completeValue(state.pendingOption, current, '', readProfiles);
  }
  if (!state.afterDoubleDash && current.startsWith('-')) {
    return completeOption(state, spec, current, readProfiles);
  }
  if (!state.afterDoubleDash && state.positionalIndex === 0 && state.node.commands.length > 0) {
    return values(state.node.commands.map((command) => ({ value: command.name, description: command.description })), current);
  }
  const positional = getPositional(state.node, state.positionalIndex);
  if (positional?.value === 'command') {
    return { kind: 'command', start: words.length - 1 };
  }
  return positional === undefined ? values([], current) : completeValue(positional, current, '', readProfiles);
}

function walkWords(words: string[], spec: CommandSpec): WalkState {
  const state: WalkState = { node: spec, positionalIndex: 0, afterDoubleDash: false };

  for (const [index, word] of words.entries()) {
    if (state.pendingOption !== undefined) {
      state.pendingOption = undefined;
      continue;
    }
    if (!state.afterDoubleDash && word === '--') {
      state.afterDoubleDash = true;
      continue;
    }
    if (!state.afterDoubleDash && word.startsWith('-') && word !== '-') {
      const option = findOption(state.node, spec, word.split('=')[0] as string);
      state.pendingOption = option?.takesValue && !word.includes('=') ? option : undefined;
      continue;
    }
    const subcommand = state.afterDoubleDash || state.positionalIndex > 0 ? undefined : state.node.commands.find((command) => command.name === word);
    if (subcommand !== undefined) {
      state.node = subcommand;
      continue;
    }
    if (getPositional(state.node, state.positionalIndex)?.value === 'command') {
      state.commandStart = index;
      return state;
    }
    state.positionalIndex += 1;
  }
  return state;
}

/** Return the positional at `index`. A variadic last positional also takes every later word. */
function getPositional(node: CommandSpec, index: number): PositionalSpec | undefined {
  const last = node.positionals[node.positionals.length - 1];
  if (index >= node.positionals.length && last?.variadic) {
    return last;
  }
  return node.positionals[index];
}

/** Options of the command and the root's global options; --version belongs to the root only. */
function getOptions(node: CommandSpec, spec: CommandSpec): OptionSpec[] {
  if (node === spec) {
    return spec.options;
  }
  const globals = spec.options.filter((option) => !option.names.includes('--version'));
  return [...node.options, ...globals];
}

function findOption(node: CommandSpec, spec: CommandSpec, name: string): OptionSpec | undefined {
  return getOptions(node, spec).find((option) => option.names.includes(name));
}

async function completeOption(state: WalkState, spec: CommandSpec, current: string, readProfiles: ProfileReader): Promise<CompletionReply> {
  const equals = current.indexOf('=');
  if (current.startsWith('--') && equals > 0) {
    const option = findOption(state.node, spec, current.slice(0, equals));
    const prefix = current.slice(0, equals + 1);
    return option?.takesValue ? completeValue(option, current.slice(equals + 1), prefix, readProfiles) : values([], current);
  }
  const candidates = getOptions(state.node, spec).flatMap((option) => option.names.map((name) => ({ value: name, description: option.description })));
  return values(candidates, current);
}

/** Values for an option or positional; `prefix` (such as `--format=`) goes before each one. */
async function completeValue(
  target: OptionSpec | PositionalSpec,
  current: string,
  prefix: string,
  readProfiles: ProfileReader,
): Promise<CompletionReply> {
  switch (target.value) {
    case 'file':
      return prefix === '' ? { kind: 'files' } : values([], current);
    case 'choices':
      return values(
        (target.choices ?? []).map((choice) => ({ value: `${prefix}${choice}` })),
        `${prefix}${current}`,
      );
    case 'profile':
      return values(
        (await readProfiles()).map((profile) => ({ value: `${prefix}${profile.name}`, description: profile.kind })),
        `${prefix}${current}`,
      );
    default:
      return values([], current);
  }
}

function values(candidates: Candidate[], current: string): CompletionReply {
  return { kind: 'values', candidates: candidates.filter((candidate) => candidate.value.startsWith(current)) };
}

/**
 * Format a reply for the shell scripts in completions/: a first line `values`, `files` or
 * `command N`, then one candidate a line, with a tab before its description. Candidates with a
 * control character are left out, because a line break or tab would split them.
 */
export function formatReply(reply: CompletionReply): string {
  if (reply.kind === 'files') {
    return 'files\n';
  }
  if (reply.kind === 'command') {
    return `command ${reply.start}\n`;
  }
  const lines = reply.candidates
    .filter((candidate) => !hasControlCharacter(candidate.value))
    .map((candidate) => {
      const description = candidate.description?.replace(/[\u0000-\u001f\u007f]+/g, ' ').trim();
      return description ? `${candidate.value}\t${description}` : candidate.value;
    });
  return ['values', ...lines].map((line) => `${line}\n`).join('');
}

function hasControlCharacter(text: string): boolean {
  return /[\u0000-\u001f\u007f]/.test(text);
}
