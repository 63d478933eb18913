import spec from './command-spec.json' with { type: 'json' };

/**
 * Kind of candidates that completion offers for a value: profile names, fixed choices, file
 * names, a command line of its own (the command that `awsmfa exec` runs), or nothing.
 */
export type ValueKind = 'none' | 'profile' | 'choices' | 'file' | 'command';

export interface OptionSpec {
  /** Every spelling, the long one first: `--debug`, `-d`. */
  names: string[];
  description: string;
  /** True when the option reads a value, as `--code 123456` or `--code=123456`. */
  takesValue: boolean;
  value: ValueKind;
  choices?: string[];
}

export interface PositionalSpec {
  name: string;
  description: string;
  /** True for `[command..]`: the argument takes every remaining word. */
  variadic: boolean;
  value: ValueKind;
  choices?: string[];
}

/** A command of the yargs tree. The root is `awsmfa` itself, and its options are global. */
export interface CommandSpec {
  name: string;
  description: string;
  options: OptionSpec[];
  positionals: PositionalSpec[];
  commands: CommandSpec[];
}

/**
 * The command tree as committed in command-spec.json, so that completion runs without loading
 * yargs. `awsmfa __completion-spec` prints the current tree; a test checks that they match.
 */
export const COMMAND_SPEC: CommandSpec = spec as CommandSpec;
