import yargs, { type Argv, type Options } from 'yargs';
import type { CommandSpec, OptionSpec, PositionalSpec, ValueKind } from './command-spec.js';

/** Option and positional names whose values are profile names. */
const PROFILE_VALUE_NAMES = new Set(['profile', 'via']);
/** Option names whose values are file paths. */
const FILE_VALUE_PATTERN = /(^|-)(file|path|dir)$/;
/** Variadic positionals that contain a command line of their own. */
const COMMAND_VALUE_NAMES = new Set(['command', 'cmd']);
/** Options that yargs adds to every parser; the spec lists them once, at the root. */
const BUILT_IN_OPTIONS = new Set(['help', 'version']);
/** yargs marks its own (translatable) descriptions with this prefix. */
const YARGS_STRING_PREFIX = '__yargsString__:';

// The parts of yargs 17 that this module reads. They are internal, so a test checks that the
// tree it builds still lists the registered commands.
interface YargsOptions {
  key: Record<string, boolean>;
  alias: Record<string, string[]>;
  boolean: string[];
  count: string[];
  choices: Record<string, string[]>;
  default: Record<string, unknown>;
  hiddenOptions: string[];
}

interface YargsCommandHandler {
  original: string;
  description: string | false | undefined;
  builder: ((command: Argv) => unknown) | Record<string, Options>;
}

interface YargsParser {
  getOptions(): YargsOptions;
  getInternalMethods(): YargsInternals;
}

interface YargsInternals {
  getCommandInstance(): { getCommandHandlers(): Record<string, YargsCommandHandler> };
  getUsageInstance(): { getDescriptions(): Record<string, string | undefined> };
}

interface CapturedLevel {
  handlers: Record<string, YargsCommandHandler>;
  options: YargsOptions;
  descriptions: Record<string, string | undefined>;
}

/**
 * Take hold of a yargs parser's command table, options and descriptions, and return a function
 * that builds the CommandSpec from them. Call it while the commands are being registered: when
 * a command runs, yargs has replaced these tables with empty ones for that command, but the
 * captured objects keep every command registered before and after this call.
 */
export function captureCommandTree(parser: Argv): () => CommandSpec {
  const root = captureLevel(parser);
  return () => ({
    name: 'awsmfa',
    description: '',
    options: [...readOptions(root), ...readBuiltInOptions(root)],
    positionals: [],
    commands: readCommands(root.handlers),
  });
}

function captureLevel(parser: Argv): CapturedLevel {
  const internal = parser as unknown as YargsParser;
  const internals = internal.getInternalMethods();
  return {
    handlers: internals.getCommandInstance().getCommandHandlers(),
    options: internal.getOptions(),
    descriptions: internals.getUsageInstance().getDescriptions(),
  };
}

function readCommands(handlers: Record<string, YargsCommandHandler>): CommandSpec[] {
  return Object.entries(handlers)
    .filter(([name, handler]) => handler.description !== false && !name.startsWith('__') && name !== '$0')
    .map(([name, handler]) => readCommand(name, handler));
}

/** Run the command's builder on a fresh parser and read what it declared. */
function readCommand(name: string, handler: YargsCommandHandler): CommandSpec {
  const command = yargs();
  if (typeof handler.builder === 'function') {
    handler.builder(command);
  } else {
    command.options(handler.builder);
  }
  const level = captureLevel(command);
  const positionalNames = parsePositionals(handler.original);
  return {
    name,
    description: handler.description || '',
    options: readOptions(level, new Set(positionalNames.map((positional) => positional.name))),
    positionals: positionalNames.map((positional) => readPositional(level, positional.name, positional.variadic)),
    commands: readCommands(level.handlers),
  };
}

/** Parse the positionals of a yargs command string such as `exec <profile> [command..]`. */
function parsePositionals(original: string): Array<{ name: string; variadic: boolean }> {
  const matches = original.matchAll(/[<[]([^\]>]+)[\]>]/g);
  return [...matches].map((match) => {
    const text = (match[1] as string).split('|')[0] as string;
    return { name: text.replace(/\.\.$/, ''), variadic: text.endsWith('..') };
  });
}

function readPositional(level: CapturedLevel, name: string, variadic: boolean): PositionalSpec {
  const choices = level.options.choices[name];
  const positional: PositionalSpec = { name, description: readDescription(level, name), variadic, value: 'none' };
  if (choices !== undefined) {
    return { ...positional, value: 'choices', choices: choices.map(String) };
  }
  if (variadic && COMMAND_VALUE_NAMES.has(name)) {
    return { ...positional, value: 'command' };
  }
  return PROFILE_VALUE_NAMES.has(name) ? { ...positional, value: 'profile' } : positional;
}

function readOptions(level: CapturedLevel, skip = new Set<string>()): OptionSpec[] {
  const aliases = new Set(Object.values(level.options.alias).flat());
  const keys = Object.keys(level.options.key).filter(
    (key) => !aliases.has(key) && !skip.has(key) && !BUILT_IN_OPTIONS.has(key) && !level.options.hiddenOptions.includes(key),
  );
  return keys.flatMap((key) => readOption(level, key));
}

/** Read one option, and its `--no-` form for a boolean whose default is not false. */
function readOption(level: CapturedLevel, key: string): OptionSpec[] {
  const options = level.options;
  const isFlag = options.boolean.includes(key) || options.count.includes(key);
  const names = [key, ...(options.alias[key] ?? [])].map((name) => (name.length === 1 ? `-${name}` : `--${name}`));
  const description = readDescription(level, key);
  const option: OptionSpec = { names, description, takesValue: !isFlag, value: isFlag ? 'none' : readValueKind(options, key) };
  const choices = options.choices[key];
  if (choices !== undefined) {
    option.choices = choices.map(String);
  }
  if (!options.boolean.includes(key) || options.default[key] === false) {
    return [option];
  }
  const negatedDescription = description.includes(`--no-${key}`) ? description : `Turn off --${key}`;
  const negated: OptionSpec = { names: [`--no-${key}`], description: negatedDescription, takesValue: false, value: 'none' };
  return [option, negated];
}

function readValueKind(options: YargsOptions, key: string): ValueKind {
  if (options.choices[key] !== undefined) {
    return 'choices';
  }
  if (PROFILE_VALUE_NAMES.has(key)) {
    return 'profile';
  }
  return FILE_VALUE_PATTERN.test(key) ? 'file' : 'none';
}

/** Read --help and --version, which yargs declares on the root parser. */
function readBuiltInOptions(level: CapturedLevel): OptionSpec[] {
  return ['help', 'version']
    .filter((name) => level.options.key[name] === true)
    .map((name) => ({ names: [`--${name}`], description: readDescription(level, name), takesValue: false, value: 'none' as const }));
}

function readDescription(level: CapturedLevel, key: string): string {
  const description = level.descriptions[key] ?? '';
  return description.startsWith(YARGS_STRING_PREFIX) ? description.slice(YARGS_STRING_PREFIX.length) : description;
}
