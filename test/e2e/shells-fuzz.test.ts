// Random profile names and values go through the env command's code: runEnv, which is runUse,
// the activation plan and the renderer, called in-process so that 2,000 profiles stay fast.
// Each real shell then runs all of the output at once. It must find every value intact and run
// nothing. A few profiles also go through the built program, and all names through `awsmfa list`.
import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import t from 'tap';
import { runEnv } from '../../src/commands/env.js';
import type { EnvFormat } from '../../src/commands/env-format.js';
import { quoteFish } from '../../src/shell/quote-fish.js';
import { quotePosix } from '../../src/shell/quote-posix.js';
import { buildEnv } from '../helpers/cli.js';

const PROFILE_COUNT = 2000;
const PROFILES_PER_HOME = 200;
const SEED = Number(process.env.FUZZ_SEED ?? Date.now() % 2 ** 31);

/** Characters the AWS SDKs accept in a profile name. */
const NAME_CHARACTERS = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_./%@:+';
/** Printable ASCII, space, and non-ASCII text including typographic quotes. */
const VALUE_CHARACTERS = [
  ...Array.from({ length: 0x7f - 0x20 }, (_, index) => String.fromCharCode(0x20 + index)),
  'é', 'ß', 'Ж', '日', '本', '😂', '‘', '’', '“', '”', '€',
];
/** Attempts to run `touch canary` in the folder where the shells run. */
const PAYLOADS = [
  '$(touch canary)',
  '`touch canary`',
  "';touch canary;'",
  '";touch canary;"',
  "\\';touch canary;'",
  '(touch canary)',
  '${IFS}$(touch${IFS}canary)',
  "'\\''$(touch canary)",
  '%PATH%&touch canary',
  '!!:s^x^y',
  '\\$(touch canary)',
  '$(touch canary)\\',
  "it's $HOME",
];
/** The variables that carry a profile's name, region and output, in the order they are printed. */
const PRINTED = ['AWS_PROFILE', 'AWS_DEFAULT_PROFILE', 'AWS_REGION', 'AWS_DEFAULT_REGION', 'AWS_DEFAULT_OUTPUT', 'AWS_PROFILE_IDENT'];

interface FuzzProfile {
  name: string;
  region: string;
  output: string;
}

// The shells run without -e, so that a broken line does not stop the rest: every payload gets
// its chance to create the canary.
interface RealShell {
  command: string;
  format: EnvFormat;
  /** Arguments that run the script given as the next argument. */
  args: string[];
  /** Script that loads the file given as the argument after it. */
  source: string[];
  /** Code that prints PRINTED, each followed by a NUL. */
  print: string;
  quote: (value: string) => string;
}

const POSIX_PRINT = `printf '%s\\0' ${PRINTED.map((name) => `"$${name}"`).join(' ')}`;
const SHELLS: RealShell[] = [
  { command: 'bash', format: 'bash', args: ['--noprofile', '--norc', '-c'], source: ['. "$1"', 'fuzz'], print: POSIX_PRINT, quote: quotePosix },
  { command: 'dash', format: 'sh', args: ['-c'], source: ['. "$1"', 'fuzz'], print: POSIX_PRINT, quote: quotePosix },
  { command: 'zsh', format: 'zsh', args: ['-f', '-c'], source: ['. "$1"', 'fuzz'], print: POSIX_PRINT, quote: quotePosix },
  {
    command: 'fish',
    format: 'fish',
    args: ['--no-config', '-c'],
    source: ['source $argv[1]'],
    print: `string join0 -- ${PRINTED.map((name) => `"$${name}"`).join(' ')}`,
    quote: quoteFish,
  },
];

/** mulberry32: a small seeded generator, so that a failing seed can be run again. */
function createRandom(seed: number): () => number {
  let state = seed >>> 0;
  return () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let value = state;
    value = Math.imul(value ^ (value >>> 15), value | 1);
    value ^= value + Math.imul(value ^ (value >>> 7), value | 61);
    return ((value ^ (value >>> 14)) >>> 0) / 2 ** 32;
  };
}

function pick<T>(random: () => number, items: readonly T[]): T {
  return items[Math.floor(random() * items.length)] as T;
}

function randomText(random: () => number, characters: readonly string[], maxLength: number): string {
  const length = 1 + Math.floor(random() * maxLength);
  return Array.from({ length }, () => pick(random, characters)).join('');
}

function randomName(random: () => number, usedNames: Set<string>): string {
  for (;;) {
    const name = randomText(random, [...NAME_CHARACTERS], 24);
    const reserved = name === 'default' || name.endsWith('-mfasession') || name.endsWith('-rolesession');
    if (!reserved && !usedNames.has(name.toLowerCase())) {
      usedNames.add(name.toLowerCase());
      return name;
    }
  }
}

/**
 * Return a value that the config file keeps as it is: no space at either end (values are trimmed), and
 * no `#` or `;` after a space or at the start (that starts a comment).
 */
function randomValue(random: () => number): string {
  const body = random() < 0.25 ? `${randomText(random, VALUE_CHARACTERS, 4)}${pick(random, PAYLOADS)}${randomText(random, VALUE_CHARACTERS, 4)}` : randomText(random, VALUE_CHARACTERS, 30);
  const text = body.replace(/ +(?=[#;])/g, '').trim();
  return /^[#;]/.test(text) || text === '' ? `x${text}` : text;
}

function createProfiles(random: () => number): FuzzProfile[] {
  const usedNames = new Set<string>();
  return Array.from({ length: PROFILE_COUNT }, () => ({ name: randomName(random, usedNames), region: randomValue(random), output: randomValue(random) }));
}

function writeHome(folder: string, profiles: FuzzProfile[]): string {
  const home = mkdtempSync(join(folder, 'home-'));
  mkdirSync(join(home, '.aws'));
  // credential_process makes each a profile that awsmfa selects as it is, without AWS or a prompt.
  const config = profiles.map((profile) => `[profile ${profile.name}]\nregion = ${profile.region}\noutput = ${profile.output}\ncredential_process = /bin/true\n`).join('');
  writeFileSync(join(home, '.aws', 'config'), config);
  return home;
}

function createDeps(home: string) {
  const rejectPrompt = async (): Promise<never> => {
    throw new Error('no prompt is expected');
  };
  return {
    env: { HOME: home },
    paths: { config: join(home, '.aws', 'config'), credentials: join(home, '.aws', 'credentials') },
    settings: {},
    now: () => Date.now(),
    createApi: () => {
      throw new Error('no AWS call is expected');
    },
    prompter: { askSecret: rejectPrompt, choose: rejectPrompt },
    notify: () => {},
  };
}

function expectedValues(profile: FuzzProfile): string[] {
  return [profile.name, profile.name, profile.region, profile.region, profile.output, profile.name];
}

/** Order strings by UTF-16 code units, as `awsmfa list` does. */
function compareCodeUnits(a: string, b: string): number {
  if (a === b) {
    return 0;
  }
  return a < b ? -1 : 1;
}

function hasShell(command: string): boolean {
  return spawnSync(command, ['-c', 'exit 0']).status === 0;
}

/** Describe the first differences between what a shell printed and what was expected. */
function findMismatches(profiles: FuzzProfile[], output: string): string[] {
  const fields = output.split('\0');
  fields.pop();
  const mismatches: string[] = [];
  if (fields.length !== profiles.length * PRINTED.length) {
    mismatches.push(`printed ${fields.length} values, expected ${profiles.length * PRINTED.length}`);
  }
  profiles.forEach((profile, index) => {
    const printed = fields.slice(index * PRINTED.length, (index + 1) * PRINTED.length);
    expectedValues(profile).forEach((value, field) => {
      if (printed[field] !== value && mismatches.length < 5) {
        mismatches.push(`${PRINTED[field]} of ${JSON.stringify(profile.name)}: got ${JSON.stringify(printed[field])}, expected ${JSON.stringify(value)}`);
      }
    });
  });
  return mismatches;
}

const random = createRandom(SEED);
const profiles = createProfiles(random);
const folder = mkdtempSync(join(tmpdir(), 'awsmfa-fuzz-'));
t.teardown(() => rmSync(folder, { recursive: true, force: true }));
const batches = Array.from({ length: PROFILE_COUNT / PROFILES_PER_HOME }, (_, index) => profiles.slice(index * PROFILES_PER_HOME, (index + 1) * PROFILES_PER_HOME));
const homes = batches.map((batch) => writeHome(folder, batch));

t.test(`env json keeps ${PROFILE_COUNT} random names and values (seed ${SEED})`, async (t) => {
  const mismatches: string[] = [];
  for (const [index, batch] of batches.entries()) {
    const deps = createDeps(homes[index] as string);
    for (const profile of batch) {
      const variables = JSON.parse((await runEnv({ profile: profile.name, noMfa: false, persist: true, exportSecrets: false }, 'json', deps)).text) as Record<string, string>;
      const values = PRINTED.map((name) => variables[name]);
      if (JSON.stringify(values) !== JSON.stringify(expectedValues(profile)) && mismatches.length < 5) {
        mismatches.push(`${JSON.stringify(profile)} became ${JSON.stringify(values)}`);
      }
    }
  }
  t.same(mismatches, [], 'the config file and the activation keep every value');
});

for (const shell of SHELLS) {
  t.test(`env ${shell.format} output for ${PROFILE_COUNT} random profiles is intact in ${shell.command} (seed ${SEED})`, async (t) => {
    t.ok(hasShell(shell.command), `${shell.command} is installed (a missing shell fails the run)`);
    const workdir = mkdtempSync(join(folder, `${shell.command}-`));
    const blocks: string[] = [];
    for (const [index, batch] of batches.entries()) {
      const deps = createDeps(homes[index] as string);
      for (const profile of batch) {
        const result = await runEnv({ profile: profile.name, noMfa: false, persist: true, exportSecrets: false }, shell.format, deps);
        blocks.push(result.text, `${shell.print}\n`);
      }
    }
    const script = join(workdir, 'activations');
    writeFileSync(script, blocks.join(''));

    const result = spawnSync(shell.command, [...shell.args, ...shell.source, script], { cwd: workdir, env: { PATH: process.env.PATH, LANG: 'C.UTF-8' }, encoding: 'utf8', maxBuffer: 64 * 1024 * 1024 });
    t.equal(result.status, 0, `the shell exits 0: ${result.stderr.slice(0, 500)}`);
    t.equal(result.stderr, '', 'stderr is empty');
    t.same(findMismatches(profiles, result.stdout), [], 'every value comes back intact');
    t.notOk(existsSync(join(workdir, 'canary')), 'no command ran (the canary file was never created)');
  });

  t.test(`${shell.command} runs the built program on random profiles (seed ${SEED})`, async (t) => {
    t.ok(hasShell(shell.command), `${shell.command} is installed (a missing shell fails the run)`);
    const workdir = mkdtempSync(join(folder, `${shell.command}-program-`));
    const allNames = writeHome(folder, profiles);
    const env = buildEnv(allNames, 'http://127.0.0.1:9');
    // NOTE: yargs reads a word that starts with - as an option, also after --. A profile whose name
    // starts with - cannot be named on the command line yet, so the sample leaves such names out.
    const sample = Array.from({ length: 5 }, () => pick(random, profiles.filter((profile) => !profile.name.startsWith('-'))));
    const install = shell.command === 'fish' ? 'awsmfa init fish | source' : `eval "$(awsmfa init ${shell.format})"`;
    const lines = [install, 'awsmfa list --names'];
    for (const profile of sample) {
      const activate = shell.command === 'fish' ? `awsmfa env ${shell.quote(profile.name)} --format fish | source` : `eval "$(awsmfa env ${shell.quote(profile.name)} --format ${shell.format})"`;
      lines.push(activate, shell.print);
    }
    const result = spawnSync(shell.command, [...shell.args, lines.join('\n')], { cwd: workdir, env, encoding: 'utf8', maxBuffer: 64 * 1024 * 1024 });
    t.equal(result.status, 0, result.stderr.slice(0, 500));
    const names = profiles.map((profile) => profile.name).sort(compareCodeUnits);
    t.ok(result.stdout.startsWith(`${names.join('\n')}\n`), 'list prints every name intact through the wrapper');
    t.same(findMismatches(sample, result.stdout.slice(names.join('\n').length + 1)), [], 'env output of the program is intact');
    t.notOk(existsSync(join(workdir, 'canary')), 'no command ran');
  });
}
