import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, utimesSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import t from 'tap';
import { buildEnv, PROJECT_ROOT, runAwsmfa, runShell } from '../helpers/cli.js';
import { createHome, keySection } from '../helpers/home.js';
import { createUser, startMoto } from '../helpers/moto.js';

const moto = await startMoto();
t.teardown(() => moto.stop());
const alice = await createUser(moto.endpoint, 'alice');

const CONFIG = [
  '[default]',
  'region = us-west-2',
  '[profile alice]',
  'region = eu-west-1',
  `mfa_serial = ${alice.mfaSerial}`,
  '[profile team:alpha@corp]',
  'sso_session = corp',
  '[profile ops]',
  'role_arn = arn:aws:iam::123456789012:role/ops',
  'source_profile = alice',
  '',
].join('\n');

const home = createHome({ config: CONFIG, credentials: `${keySection('alice', alice)}${keySection('bob', alice)}` });
t.teardown(home.remove);
const env = buildEnv(home.home, moto.endpoint, { TERM: 'xterm' });

// A session that `use` stores with moto, so that completion also lists a session profile.
const started = runAwsmfa(['use', 'alice', '--code', '123456'], env);
if (started.status !== 0) {
  throw new Error(`use alice failed: ${started.stderr}`);
}

function hasCommand(command: string, args: string[]): boolean {
  return spawnSync(command, args).status === 0;
}

/** Run bash's completion function as readline would for `line`, and print COMPREPLY. */
function completeInBash(line: string): string[] {
  const script = [
    'eval "$(awsmfa init bash)"',
    'COMP_LINE=$1 COMP_POINT=${#1}',
    'read -r -a COMP_WORDS <<<"$1"',
    'COMP_CWORD=$(( ${#COMP_WORDS[@]} - 1 ))',
    '[[ $1 == *" " ]] && COMP_CWORD=$(( COMP_CWORD + 1 ))',
    '__awsmfa_complete awsmfa',
    'printf "%s\\n" "${COMPREPLY[@]}"',
  ].join('\n');
  const result = spawnSync('bash', ['--noprofile', '--norc', '-c', script, 'complete', line], { env, encoding: 'utf8' });
  if (result.status !== 0 || result.stderr !== '') {
    throw new Error(`bash completion failed: ${result.stderr}`);
  }
  return result.stdout.split('\n').filter((word) => word !== '');
}

function completeInFish(line: string): string[] {
  const result = runShell('fish', `awsmfa init fish | source\ncomplete -C ${JSON.stringify(line)}`, env);
  if (result.status !== 0 || result.stderr !== '') {
    throw new Error(`fish completion failed: ${result.stderr}`);
  }
  return result.stdout.split('\n').filter((word) => word !== '');
}

/** A tmux server of its own, for driving an interactive shell with real key presses. */
class Terminal {
  private readonly folder = mkdtempSync(join(tmpdir(), 'awsmfa-tmux-'));
  private readonly socket = join(this.folder, 'socket');

  constructor(command: string) {
    this.tmux(['-f', '/dev/null', 'new-session', '-d', '-x', '200', '-y', '50', command]);
  }

  send(...keys: string[]): void {
    this.tmux(['send-keys', ...keys]);
  }

  screen(): string {
    return this.tmux(['capture-pane', '-p']);
  }

  /** Wait until the screen matches `pattern`, and return the last screen either way. */
  async waitFor(pattern: RegExp, timeoutMs = 15_000): Promise<string> {
    const deadline = Date.now() + timeoutMs;
    let screen = this.screen();
    while (!pattern.test(screen) && Date.now() < deadline) {
      await new Promise((resolve) => setTimeout(resolve, 100));
      screen = this.screen();
    }
    return screen;
  }

  close(): void {
    spawnSync('tmux', ['-S', this.socket, 'kill-server']);
    rmSync(this.folder, { recursive: true, force: true });
  }

  private tmux(args: string[]): string {
    const result = spawnSync('tmux', ['-S', this.socket, ...args], { env, encoding: 'utf8' });
    if (result.status !== 0) {
      throw new Error(`tmux ${args[0]} failed: ${result.stderr}`);
    }
    return result.stdout;
  }
}

t.test('bash completion', async (t) => {
  t.test('completes a profile name', async (t) => {
    t.same(completeInBash('awsmfa use al'), ['alice', 'alice-mfasession']);
  });

  t.test('completes commands', async (t) => {
    const words = completeInBash('awsmfa ');
    for (const command of ['use', 'clear', 'list', 'exec', 'env', 'init']) {
      t.ok(words.includes(command), command);
    }
  });

  t.test('completes options and choices', async (t) => {
    t.ok(completeInBash('awsmfa use --no-').includes('--no-persist'));
    t.same(completeInBash('awsmfa init f'), ['fish']);
    t.same(completeInBash('awsmfa env alice --format=d'), ['dotenv'], 'after the = that bash breaks words at');
  });

  t.test('completes a name with : and @ after bash splits the word', async (t) => {
    t.same(completeInBash('awsmfa use team:'), ['alpha@corp']);
    t.same(completeInBash('awsmfa use team:alpha@'), ['corp']);
  });

  t.test('completes the command that exec runs', async (t) => {
    t.ok(completeInBash('awsmfa exec alice -- printf').includes('printf'));
  });
});

t.test('bash Tab in a terminal', async (t) => {
  // A missing tool fails the run instead of skipping the test.
  if (!t.ok(hasCommand('tmux', ['-V']), 'required: tmux must be installed')) {
    return;
  }
  const terminal = new Terminal('bash --noprofile --norc');
  t.teardown(() => terminal.close());
  terminal.send('eval "$(awsmfa init bash)"', 'Enter');
  terminal.send('awsmfa use bo', 'Tab');
  const screen = await terminal.waitFor(/awsmfa use bob\s*$/m);
  t.match(screen, /awsmfa use bob\s*$/m, `the line completes: ${screen.trim()}`);
});

t.test('zsh Tab in a terminal', async (t) => {
  // A missing tool fails the run instead of skipping the test.
  if (!t.ok((hasCommand('tmux', ['-V']) && hasCommand('zsh', ['-fc', 'exit'])), 'required: tmux or zsh must be installed')) {
    return;
  }
  const terminal = new Terminal('zsh -f');
  t.teardown(() => terminal.close());
  terminal.send('autoload -Uz compinit && compinit -u -D && eval "$(awsmfa init zsh)" && echo ready', 'Enter');
  await terminal.waitFor(/^ready$/m);

  t.test('completes a profile name', async (t) => {
    terminal.send('awsmfa use alice-', 'Tab');
    const screen = await terminal.waitFor(/awsmfa use alice-mfasession/);
    t.match(screen, /awsmfa use alice-mfasession/, screen.trim());
    terminal.send('C-u');
  });

  t.test('completes a name with : and @', async (t) => {
    terminal.send('awsmfa use team', 'Tab');
    const screen = await terminal.waitFor(/awsmfa use team:alpha@corp/);
    t.match(screen, /awsmfa use team:alpha@corp/, screen.trim());
    terminal.send('C-u');
  });

  t.test('lists commands with descriptions', async (t) => {
    terminal.send('awsmfa ', 'Tab');
    const screen = await terminal.waitFor(/clear\s+-- Remove the AWS session variables/);
    t.match(screen, /clear\s+-- Remove the AWS session variables/, screen.trim());
    terminal.send('C-u');
  });
});

t.test('fish completion', async (t) => {
  // A missing tool fails the run instead of skipping the test.
  if (!t.ok(hasCommand('fish', ['-c', 'exit']), 'required: fish must be installed')) {
    return;
  }
  t.test('completes a profile name', async (t) => {
    t.same(completeInFish('awsmfa use al'), ['alice\tbase', 'alice-mfasession\tmfa-session']);
  });

  t.test('completes commands with descriptions', async (t) => {
    t.ok(completeInFish('awsmfa cl').includes('clear\tRemove the AWS session variables from this shell'));
  });

  t.test('completes choices', async (t) => {
    t.same(completeInFish('awsmfa init f'), ['fish']);
  });

  t.test('completes the command that exec runs', async (t) => {
    t.ok(completeInFish('awsmfa exec alice -- printf').some((line) => line.startsWith('printf')));
  });
});

t.test('completion shows new profiles', async (t) => {
  const extra = createHome({ config: '[profile first]\nregion = eu-west-1\n' });
  t.teardown(extra.remove);
  const extraEnv = buildEnv(extra.home, moto.endpoint);
  const settled = new Date(Date.now() - 10_000);
  utimesSync(extra.config, settled, settled);
  t.equal(runAwsmfa(['__complete', 'use', ''], extraEnv).stdout, 'values\nfirst\tother\n', 'the first call fills the cache');
  writeFileSync(extra.config, '[profile first]\nregion = eu-west-1\n[profile second]\n');
  t.equal(runAwsmfa(['__complete', 'use', ''], extraEnv).stdout, 'values\nfirst\tother\nsecond\tother\n', 'a changed file refreshes it');
});

// Marks of modules that completion must not load: yargs' own messages, execa's error class,
// the AWS SDK's package scope, and the chunks that esbuild names after main.ts, enquirer and execa.
const HEAVY_CODE_MARKS = ['Not enough non-option arguments', 'ExecaError', '@aws-sdk'];
const HEAVY_CHUNK_NAMES = /^(main|enquirer|execa)-/;

/** Run the built program in a node process with a resolve hook, and list the files it loaded. */
function listLoadedFiles(args: string[], runEnv: NodeJS.ProcessEnv): { files: string[]; stdout: string } {
  const folder = mkdtempSync(join(tmpdir(), 'awsmfa-modules-'));
  try {
    const log = join(folder, 'loaded.log');
    const hooks = [
      "import { appendFileSync } from 'node:fs';",
      'let log;',
      'export async function initialize(data) { log = data.log; }',
      'export async function resolve(specifier, context, next) {',
      '  const result = await next(specifier, context);',
      "  appendFileSync(log, result.url + '\\n');",
      '  return result;',
      '}',
    ].join('\n');
    const hooksFile = join(folder, 'hooks.mjs');
    writeFileSync(hooksFile, hooks);
    const main = [
      "import { register } from 'node:module';",
      `register(${JSON.stringify(pathToFileURL(hooksFile).href)}, { data: { log: ${JSON.stringify(log)} } });`,
      `const { run } = await import(${JSON.stringify(pathToFileURL(join(PROJECT_ROOT, 'dist', 'cli.js')).href)});`,
      `process.exitCode = await run(${JSON.stringify(args)}, process.env);`,
    ].join('\n');
    const result = spawnSync(process.execPath, ['--input-type=module', '-e', main], { env: runEnv, encoding: 'utf8' });
    if (result.status !== 0) {
      throw new Error(`run failed: ${result.stderr}`);
    }
    const urls = readFileSync(log, 'utf8')
      .split('\n')
      .filter((url) => url.startsWith('file:'));
    return { files: [...new Set(urls)].map((url) => new URL(url).pathname), stdout: result.stdout };
  } finally {
    rmSync(folder, { recursive: true, force: true });
  }
}

t.test('completion loads no yargs, SDK, enquirer or execa', async (t) => {
  const cases: Array<[string, string[]]> = [
    ['profile names', ['__complete', 'use', 'al']],
    ['commands', ['__complete', '']],
    ['list --names', ['list', '--names']],
  ];
  for (const [label, args] of cases) {
    const { files, stdout } = listLoadedFiles(args, env);
    t.ok(stdout.length > 0, `${label}: prints its output`);
    t.ok(files.length > 0, `${label}: the hook saw the loaded files`);
    const heavy = files.filter((file) => {
      const text = readFileSync(file, 'utf8');
      return HEAVY_CHUNK_NAMES.test(file.split('/').pop() ?? '') || HEAVY_CODE_MARKS.some((mark) => text.includes(mark));
    });
    t.same(heavy, [], `${label}: loaded ${files.length} files, none of them heavy`);
  }
});
