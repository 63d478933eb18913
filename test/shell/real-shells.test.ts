import { spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import t from 'tap';
import type { RenderPlan, ShellKind } from '../../src/shell/plan.js';
import { renderPlan } from '../../src/shell/render.js';

// Each shell runs a driver script with `-c`: the prelude, then code that loads a file with the
// rendered plan, then code that prints values NUL-separated on stdout.
interface RealShell {
  label: string;
  kind: ShellKind;
  command: string;
  args: string[];
  locale: string;
  prelude: string;
  load: Record<LoadMode, (file: string) => string>;
  printValues(names: string[]): string;
  printIsSet(names: string[]): string;
  /** Wraps code so that a syntax error in it does not stop the rest of the script. */
  isolate(code: string): string;
}

// How the rendered plan is run: `eval` of its text, `.`/`source` of the file, or `eval` inside a
// function, as a wrapper function does.
type LoadMode = 'eval' | 'source' | 'function';

interface ShellResult {
  status: number | null;
  stdout: Buffer;
  stderr: string;
}

const POSIX_LOAD: Record<LoadMode, (file: string) => string> = {
  eval: (file) => `eval "$(cat ${file})"`,
  source: (file) => `. ${file}`,
  function: (file) => `load_plan() { eval "$(cat ${file})"; }\nload_plan`,
};

function printPosixValues(names: string[]): string {
  return `printf '%s\\0' ${names.map((name) => `"$${name}"`).join(' ')}`;
}

// Prints "set" or "" per name. `${NAME+set}` is allowed under `set -u` even when NAME is unset.
function printPosixIsSet(names: string[]): string {
  return `printf '%s\\0' ${names.map((name) => `"\${${name}+set}"`).join(' ')}`;
}

function posixShell(
  label: string,
  kind: ShellKind,
  command: string,
  args: string[],
  prelude = '',
  locale = 'C.UTF-8',
): RealShell {
  return {
    label,
    kind,
    command,
    args,
    locale,
    prelude,
    load: POSIX_LOAD,
    printValues: printPosixValues,
    printIsSet: printPosixIsSet,
    isolate: (code) => `(\n${code}\n) || true`,
  };
}

const FISH: RealShell = {
  label: 'fish',
  kind: 'fish',
  command: 'fish',
  args: ['--no-config', '-c'],
  locale: 'C.UTF-8',
  prelude: '',
  load: {
    eval: (file) => `eval (cat ${file} | string collect)`,
    source: (file) => `source ${file}`,
    function: (file) =>
      `function load_plan\n  eval (cat ${file} | string collect)\nend\nload_plan`,
  },
  printValues: (names) => `printf '%s\\0' ${names.map((name) => `$${name}`).join(' ')}`,
  printIsSet: (names) =>
    names.map((name) => `if set -q ${name}; printf 'set\\0'; else; printf '\\0'; end`).join('\n'),
  // fish reports a syntax error in `eval` and goes on with the next command.
  isolate: (code) => `begin\n${code}\nend`,
};

const BASH_ARGS = ['--noprofile', '--norc', '-euo', 'pipefail', '-c'];
const ZSH_PRELUDE = 'setopt err_exit no_unset';

// The C locale makes the shells treat non-ASCII bytes as opaque instead of as UTF-8.
const SHELLS: RealShell[] = [
  posixShell('bash', 'bash', 'bash', BASH_ARGS),
  posixShell('bash C locale', 'bash', 'bash', BASH_ARGS, '', 'C'),
  posixShell('bash posix mode', 'sh', 'bash', ['--noprofile', '--norc', '--posix', '-eu', '-c']),
  posixShell('dash', 'sh', 'dash', ['-eu', '-c']),
  posixShell('zsh', 'zsh', 'zsh', ['-f', '-c'], ZSH_PRELUDE),
  posixShell('zsh C locale', 'zsh', 'zsh', ['-f', '-c'], ZSH_PRELUDE, 'C'),
  posixShell('zsh rc_quotes', 'zsh', 'zsh', ['-f', '-c'], `${ZSH_PRELUDE} rc_quotes`),
  FISH,
  { ...FISH, label: 'fish C locale', locale: 'C' },
];

const CANARY = 'CANARY';

// Payloads that create the canary file if any part of a value runs as code in some shell.
const CANARY_PAYLOADS = [
  `$(touch ${CANARY})`,
  `\`touch ${CANARY}\``,
  `'; touch ${CANARY}; '`,
  `'$(touch ${CANARY})'`,
  `"; touch ${CANARY}; "`,
  `"$(touch ${CANARY})"`,
  `(touch ${CANARY})`,
  `\\'; touch ${CANARY}; #`,
  `'\\''; touch ${CANARY}; '`,
  `\\\\'; touch ${CANARY}; echo '`,
  `'\ntouch ${CANARY}\n'`,
  `\ntouch ${CANARY}\n`,
  `; touch ${CANARY}`,
  `& touch ${CANARY} &`,
  `| touch ${CANARY}`,
  `\${IFS}touch\${IFS}${CANARY}`,
  `$(touch\t${CANARY})`,
  `\u2019; touch ${CANARY}; \u2018`,
];

// [case, value] with every shell-special character, alone and in combinations.
const TRICKY_VALUES: Array<[string, string]> = [
  ['empty string', ''],
  ['space', ' '],
  ['tab', '\t'],
  ['newline', '\n'],
  ['carriage return', '\r'],
  ['CRLF', 'a\r\nb'],
  ['trailing newlines', 'x\n\n'],
  ['leading and trailing spaces', '  x  '],
  ...[...'!"#$%&\'()*+,-./:;<=>?@[\\]^_`{|}~'].map((character): [string, string] => [
    `punctuation ${character}`,
    character,
  ]),
  ['non-ASCII text', 'Grüße 😂 日本'],
  ['typographic quotes', '\u2018\u2019\u201A\u201B\u201C\u201D'],
  ['Unicode spaces and breaks', '\u00A0\u0085\u2028\u2029\uFEFF'],
  ['C1 control', '\u0083\u009B'],
  ['escape sequence', '\x1b[31mred\x1b[0m'],
  ['control characters', '\x01\x02\x7f'],
  ['private use', '\uF600\uF8FF'],
  ['last code point', '\u{10FFFF}'],
  ['combining mark', 'e\u0301'],
  ['apostrophe in word', "it's"],
  ['two single quotes', "''"],
  ['backslash before quote', "a\\'b"],
  ['escaped quote sequence', "'\\''"],
  ['trailing backslash', 'x\\'],
  ['two backslashes', '\\\\'],
  ['backslash n', '\\n'],
  ['history expansion', '!! !-1 !$ !#'],
  ['quick substitution', '^a^b'],
  ['parameter expansion', '${HOME} $HOME $0 $@ $* $#'],
  ['printf directives', '%s %b %n %%'],
  ['option-like', '-n'],
  ['double dash', '--'],
  ['assignment', 'a=b c=d'],
  ['tilde', '~root'],
  ['glob', '/* ?'],
  ['brace expansion', '{a,b}'],
  ['powershell syntax', '$Env:PATH `n $(x)'],
  ['cmd syntax', '%PATH% !x! ^& "'],
  ['long value', 'aB3/+='.repeat(1000)],
  ...CANARY_PAYLOADS.map((payload, index): [string, string] => [
    `canary payload ${index}`,
    payload,
  ]),
];

/** Runs `script` with `-c` in `dir`, with an environment made only of shellEnv and `env`. */
function runShell(
  shell: RealShell,
  dir: string,
  script: string,
  env: Record<string, string> = {},
): ShellResult {
  const result = spawnSync(shell.command, [...shell.args, script], {
    cwd: dir,
    env: shellEnv(dir, shell.locale, env),
    maxBuffer: 64 * 1024 * 1024,
  });
  if (result.error) {
    throw new Error(`cannot run ${shell.command}: ${result.error.message}`);
  }
  return { status: result.status, stdout: result.stdout, stderr: result.stderr.toString('utf8') };
}

function shellEnv(dir: string, locale: string, extra: Record<string, string>) {
  return {
    PATH: process.env.PATH ?? '/usr/bin:/bin',
    HOME: dir,
    LC_ALL: locale,
    XDG_CONFIG_HOME: join(dir, '.config'),
    XDG_DATA_HOME: join(dir, '.local', 'share'),
    XDG_CACHE_HOME: join(dir, '.cache'),
    ...extra,
  };
}

function makeDir(t: { teardown(cleanup: () => void): void }): string {
  const dir = mkdtempSync(join(tmpdir(), 'awsmfa-shell-'));
  t.teardown(() => rmSync(dir, { recursive: true, force: true }));
  return dir;
}

function valueNames(count: number): string[] {
  return Array.from({ length: count }, (_, index) => `V${index}`);
}

function planFor(values: string[]): RenderPlan {
  const names = valueNames(values.length);
  const set = values.map((value, index): [string, string] => [names[index] ?? '', value]);
  return { unset: [], set, messages: [] };
}

function splitNul(stdout: Buffer): Buffer[] {
  const parts: Buffer[] = [];
  let start = 0;
  for (let end = stdout.indexOf(0); end !== -1; end = stdout.indexOf(0, start)) {
    parts.push(stdout.subarray(start, end));
    start = end + 1;
  }
  return parts;
}

function expectedBytes(values: string[]): Buffer {
  return Buffer.concat(values.flatMap((value) => [Buffer.from(value, 'utf8'), Buffer.from([0])]));
}

/** Renders `values` for the shell, loads them in `mode` and returns what the shell printed. */
function roundTrip(shell: RealShell, dir: string, values: string[], mode: LoadMode): ShellResult {
  writeFileSync(join(dir, 'plan'), renderPlan(shell.kind, planFor(values)));
  const printValues = shell.printValues(valueNames(values.length));
  const script = [shell.prelude, shell.load[mode]('./plan'), printValues].join('\n');
  return runShell(shell, dir, script);
}

for (const shell of SHELLS) {
  t.test(shell.label, async (t) => {
    t.test('canary control', async (t) => {
      const dir = makeDir(t);
      const result = runShell(shell, dir, `touch ${CANARY}`);
      t.equal(result.status, 0);
      t.ok(existsSync(join(dir, CANARY)), 'touch creates the canary file');
    });

    for (const mode of ['eval', 'source', 'function'] as const) {
      t.test(`tricky values with ${mode}`, async (t) => {
        const dir = makeDir(t);
        const values = TRICKY_VALUES.map(([, value]) => value);
        const result = roundTrip(shell, dir, values, mode);
        t.equal(result.stderr, '');
        t.equal(result.status, 0);
        t.ok(result.stdout.equals(expectedBytes(values)), 'stdout matches byte for byte');
        t.notOk(existsSync(join(dir, CANARY)), 'canary file not created');

        const printed = splitNul(result.stdout);
        t.equal(printed.length, values.length);
        TRICKY_VALUES.forEach(([name, value], index) => {
          t.equal(printed[index]?.toString('utf8'), value, name);
        });
      });
    }

    // Each payload runs alone, so a quoting bug shows up as the canary file even when another
    // value would have stopped the whole batch with a syntax error first.
    t.test('canary payloads one by one', async (t) => {
      const dir = makeDir(t);
      const steps = CANARY_PAYLOADS.map((payload, index) => {
        const file = `./plan${index}`;
        const plan: RenderPlan = { unset: [], set: [[`V${index}`, payload]], messages: [] };
        writeFileSync(join(dir, file), renderPlan(shell.kind, plan));
        return shell.isolate(`${shell.load.eval(file)}\n${shell.printValues([`V${index}`])}`);
      });
      const result = runShell(shell, dir, [shell.prelude, ...steps].join('\n'));
      t.notOk(existsSync(join(dir, CANARY)), 'canary file not created');
      t.equal(result.stderr, '');
      t.equal(result.status, 0);
      t.ok(result.stdout.equals(expectedBytes(CANARY_PAYLOADS)), 'stdout matches byte for byte');
    });

    t.test('fuzz', async (t) => {
      const seed = fuzzSeed();
      t.comment(`fuzz seed ${seed}; rerun with AWSMFA_FUZZ_SEED=${seed}`);
      const dir = makeDir(t);
      const values = makeFuzzValues(seed, 2000);
      const result = roundTrip(shell, dir, values, 'eval');
      t.equal(result.stderr, '');
      t.equal(result.status, 0);
      t.notOk(existsSync(join(dir, CANARY)), 'canary file not created');

      const printed = splitNul(result.stdout);
      t.equal(printed.length, values.length);
      t.same(findMismatches(values, printed), [], `every value intact (seed ${seed})`);
    });

    t.test('unset and export', async (t) => {
      const dir = makeDir(t);
      const value = "it's $HOME\n`x` \\ 😂";
      const plan: RenderPlan = {
        unset: ['AWSMFA_OLD', 'AWSMFA_NEVER'],
        set: [['AWSMFA_NEW', value]],
        messages: [],
      };
      writeFileSync(join(dir, 'plan'), renderPlan(shell.kind, plan));
      const isSet = shell.printIsSet(['AWSMFA_OLD', 'AWSMFA_NEVER', 'AWSMFA_NEW']);
      const script = [shell.prelude, shell.load.function('./plan'), isSet, 'env -0'].join('\n');
      const result = runShell(shell, dir, script, { AWSMFA_OLD: 'stale' });
      t.equal(result.stderr, '');
      t.equal(result.status, 0);

      const printed = splitNul(result.stdout).map(String);
      const [oldInShell, neverInShell, newInShell, ...environ] = printed;
      t.equal(oldInShell, '', 'AWSMFA_OLD unset in the shell');
      t.equal(neverInShell, '', 'AWSMFA_NEVER unset in the shell');
      t.equal(newInShell, 'set', 'AWSMFA_NEW set in the shell');

      const childEnv = new Map(environ.map((entry) => splitEnvEntry(entry)));
      t.equal(childEnv.get('AWSMFA_NEW'), value, 'AWSMFA_NEW exported');
      t.notOk(childEnv.has('AWSMFA_OLD'), 'AWSMFA_OLD not exported');
      t.notOk(childEnv.has('AWSMFA_NEVER'), 'AWSMFA_NEVER not exported');
    });

    t.test('messages', async (t) => {
      const dir = makeDir(t);
      const messages = ['plain', "it's $HOME `x` \\ %s %%", 'two\nlines', 'Grüße 😂', '-n', ''];
      writeFileSync(join(dir, 'plan'), renderPlan(shell.kind, { unset: [], set: [], messages }));
      const result = runShell(shell, dir, [shell.prelude, shell.load.eval('./plan')].join('\n'));
      t.equal(result.stderr, messages.map((message) => `${message}\n`).join(''));
      t.equal(result.stdout.length, 0, 'stdout empty');
      t.equal(result.status, 0);
    });
  });
}

// Lines typed or pasted into an interactive shell go through history expansion, but text that
// `eval` runs does not. The tests type an `eval` line, as the wrapper runs it, and also paste
// the rendered plan itself.
const HISTORY_VALUES = ['!!', '!-1', '!$', '!#', '!?x?', 'a!b', "it's!!", 'x\n!!', '^a^b', '\\!'];

// NOTE: bash 5.2 applies quick substitution to a pasted line that starts with `^`, even inside a
// multi-line single-quoted string: the value 'x\n^a^b' comes back as 'x\n!!:s^a^b'. The `eval`
// path is not affected, so only the eval test includes that value.
const EVAL_ONLY_VALUES = ['x\n^a^b'];

const INTERACTIVE_SHELLS: Array<[RealShell, string]> = [
  [posixShell('bash', 'bash', 'bash', ['--noprofile', '--norc', '-i']), 'set -H'],
  [posixShell('zsh', 'zsh', 'zsh', ['-f', '-i']), 'setopt bang_hist'],
];

/** Feeds `lines` to an interactive shell on stdin, after a command that fills the history. */
function runInteractive(
  shell: RealShell,
  dir: string,
  enableHistory: string,
  lines: string[],
): ShellResult {
  const result = spawnSync(shell.command, shell.args, {
    cwd: dir,
    env: shellEnv(dir, shell.locale, { PS1: '', PS2: '' }),
    input: [enableHistory, 'true previous', ...lines, ''].join('\n'),
  });
  if (result.error) {
    throw new Error(`cannot run ${shell.command}: ${result.error.message}`);
  }
  return { status: result.status, stdout: result.stdout, stderr: result.stderr.toString('utf8') };
}

for (const [shell, enableHistory] of INTERACTIVE_SHELLS) {
  t.test(`interactive ${shell.label} history expansion`, async (t) => {
    t.test('eval', async (t) => {
      const dir = makeDir(t);
      const values = [...HISTORY_VALUES, ...EVAL_ONLY_VALUES];
      writeFileSync(join(dir, 'plan'), renderPlan(shell.kind, planFor(values)));
      const printValues = shell.printValues(valueNames(values.length));
      const lines = [shell.load.eval('./plan'), printValues];
      const result = runInteractive(shell, dir, enableHistory, lines);
      // Interactive shells print job-control notes and prompts on stderr, so only errors count.
      t.notMatch(result.stderr, /event not found|no such event/);
      const printed = splitNul(result.stdout).map(String);
      values.forEach((value, index) => {
        t.equal(printed[index], value, JSON.stringify(value));
      });
    });

    t.test('pasted', async (t) => {
      const dir = makeDir(t);
      const plan = renderPlan(shell.kind, planFor(HISTORY_VALUES));
      const printValues = shell.printValues(valueNames(HISTORY_VALUES.length));
      const result = runInteractive(shell, dir, enableHistory, [plan, printValues]);
      t.notMatch(result.stderr, /event not found|no such event/);
      const printed = splitNul(result.stdout).map(String);
      HISTORY_VALUES.forEach((value, index) => {
        t.equal(printed[index], value, JSON.stringify(value));
      });
    });
  });
}

function splitEnvEntry(entry: string): [string, string] {
  const equals = entry.indexOf('=');
  return [entry.slice(0, equals), entry.slice(equals + 1)];
}

interface Mismatch {
  index: number;
  expected: string;
  actual: string;
}

function findMismatches(values: string[], printed: Buffer[]): Mismatch[] {
  const mismatches: Mismatch[] = [];
  values.forEach((value, index) => {
    const actual = printed[index];
    if (actual === undefined || !actual.equals(Buffer.from(value, 'utf8'))) {
      const actualText = JSON.stringify(actual?.toString('utf8'));
      mismatches.push({ index, expected: JSON.stringify(value), actual: actualText });
    }
  });
  return mismatches;
}

function fuzzSeed(): number {
  const fromEnv = Number(process.env.AWSMFA_FUZZ_SEED);
  if (Number.isInteger(fromEnv) && fromEnv > 0) {
    return fromEnv;
  }
  return Math.floor(Math.random() * 0x7fffffff) + 1;
}

/** Mulberry32: a small seeded PRNG, so that a failing seed can be replayed. */
function makeRandom(seed: number): () => number {
  let state = seed >>> 0;
  return () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let mixed = Math.imul(state ^ (state >>> 15), state | 1);
    mixed ^= mixed + Math.imul(mixed ^ (mixed >>> 7), mixed | 61);
    return ((mixed ^ (mixed >>> 14)) >>> 0) / 0x100000000;
  };
}

const WHITESPACE = [' ', '\t', '\n', '\r', '\v', '\f'];
const NON_ASCII = [
  ...'éüß日本😂',
  ...'\u2018\u2019\u201A\u201B\u00A0\u0085\u2028\uFEFF\u0301\u0083\uF600',
];

function pickCharacter(random: () => number): string {
  const roll = random();
  const pick = <T>(items: T[]): T => items[Math.floor(random() * items.length)] as T;
  if (roll < 0.6) {
    return String.fromCharCode(0x20 + Math.floor(random() * 95));
  }
  if (roll < 0.75) {
    return pick(WHITESPACE);
  }
  if (roll < 0.8) {
    return String.fromCharCode(pick([0x01, 0x02, 0x07, 0x08, 0x1b, 0x1f, 0x7f]));
  }
  if (roll < 0.92) {
    return pick(NON_ASCII);
  }
  return randomCodePoint(random);
}

// Any code point above ASCII except surrogates, so that every string is valid UTF-8.
function randomCodePoint(random: () => number): string {
  for (;;) {
    const codePoint = 0x80 + Math.floor(random() * (0x110000 - 0x80));
    if (codePoint < 0xd800 || codePoint > 0xdfff) {
      return String.fromCodePoint(codePoint);
    }
  }
}

// Works on an array of code points, so that the payload never splits a surrogate pair.
function makeFuzzValue(random: () => number): string {
  const length = Math.floor(random() * 40);
  const characters = Array.from({ length }, () => pickCharacter(random));
  if (random() < 0.3) {
    const payload = CANARY_PAYLOADS[Math.floor(random() * CANARY_PAYLOADS.length)] ?? '';
    characters.splice(Math.floor(random() * (length + 1)), 0, payload);
  }
  return characters.join('');
}

function makeFuzzValues(seed: number, count: number): string[] {
  const random = makeRandom(seed);
  return Array.from({ length: count }, () => makeFuzzValue(random));
}
