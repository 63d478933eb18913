import { spawn, spawnSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import t, { type Test } from 'tap';
import { BIN, buildEnv, parseEnv0, runAwsmfa, runShell } from '../helpers/cli.js';
import { createHome, keySection, type TestHome } from '../helpers/home.js';
import { createUser, startMoto, type IamUser } from '../helpers/moto.js';

const moto = await startMoto();
t.teardown(() => moto.stop());
const alice = await createUser(moto.endpoint, 'alice');

function createAliceHome(user: IamUser): TestHome {
  return createHome({
    config: `[default]\nregion = us-west-2\n\n[profile alice]\nregion = eu-west-1\noutput = json\nmfa_serial = ${user.mfaSerial}\n`,
    credentials: keySection('alice', user),
  });
}

function setUp(t: Test, extra: NodeJS.ProcessEnv = {}): { home: TestHome; env: NodeJS.ProcessEnv } {
  const home = createAliceHome(alice);
  t.teardown(home.remove);
  return { home, env: buildEnv(home.home, moto.endpoint, extra) };
}

function hasCommand(command: string, args: string[]): boolean {
  return spawnSync(command, args).status === 0;
}

/** Run a command line under `script`, so that its stdout is a terminal. */
function runWithTerminal(command: string, env: NodeJS.ProcessEnv): string {
  const result = spawnSync('script', ['-qec', command, '/dev/null'], { env, encoding: 'utf8', timeout: 60_000 });
  return result.stdout;
}

/** Quote a word for the command line that `script -c` runs with sh. */
function shellWord(word: string): string {
  return `'${word.replaceAll("'", "'\\''")}'`;
}

/** A child that prints its environment and argv as JSON. */
const REPORT_CHILD = ['node', '-e', 'process.stdout.write(JSON.stringify({ env: process.env, argv: process.argv }))'];

/**
 * A child that looks for its secret key in the command line of every process, prints
 * `clean` or `found`, and exits 0. It reads the key from its environment, never from argv.
 */
const SCAN_CHILD = [
  'node',
  '-e',
  [
    "const fs = require('fs');",
    'const secret = process.env.AWS_SECRET_ACCESS_KEY || "";',
    'let found = false;',
    "for (const pid of fs.readdirSync('/proc').filter((name) => /^\\d+$/.test(name))) {",
    "  try { if (secret && fs.readFileSync('/proc/' + pid + '/cmdline', 'utf8').includes(secret)) found = true; } catch {}",
    '}',
    "process.stdout.write((secret ? 'has-key ' : 'no-key ') + (found ? 'found' : 'clean'));",
  ].join('\n'),
];

t.test('exec', async (t) => {
  t.test('runs the AWS CLI through a stored session', async (t) => {
    const { home, env } = setUp(t);
    const result = runAwsmfa(['exec', 'alice', '--code', '123456', '--', 'aws', 'sts', 'get-caller-identity'], env);
    t.equal(result.status, 0, result.stderr);
    t.match(result.stdout, /"Account"/, 'the CLI printed the caller identity');
    t.match(home.read('credentials'), /\[alice-mfasession\]/, 'the session is stored');
    t.match(result.stderr, /started alice-mfasession/);
  });

  t.test('gives an unstored session as keys', async (t) => {
    const { home, env } = setUp(t);
    const before = home.read('credentials');
    const result = runAwsmfa(['exec', 'alice', '--code', '123456', '--no-persist', '--', ...REPORT_CHILD], env);
    t.equal(result.status, 0, result.stderr);
    const child = JSON.parse(result.stdout) as { env: Record<string, string> };
    t.match(child.env.AWS_ACCESS_KEY_ID, /^(ASIA|AKIA)/, 'access key id');
    t.ok(child.env.AWS_SECRET_ACCESS_KEY, 'secret key');
    t.ok(child.env.AWS_SESSION_TOKEN, 'session token');
    t.notOk('AWS_PROFILE' in child.env, 'no AWS_PROFILE beside the keys');
    t.equal(child.env.AWS_REGION, 'eu-west-1');
    t.equal(home.read('credentials'), before, 'nothing is stored');

    const caller = spawnSync('aws', ['sts', 'get-caller-identity'], { env: { ...env, ...child.env }, encoding: 'utf8' });
    t.equal(caller.status, 0, `the keys work: ${caller.stderr}`);
  });

  t.test('selects a stored session by name', async (t) => {
    const { env } = setUp(t);
    t.equal(runAwsmfa(['use', 'alice', '--code', '123456'], env).status, 0);
    const result = runAwsmfa(['exec', 'alice', '--', ...REPORT_CHILD], { ...env, AWS_ACCESS_KEY_ID: 'AKIASTALEEXAMPLE0000', AWSMFA_WRAPPER: 'bash' });
    t.equal(result.status, 0, result.stderr);
    t.equal(result.stdout, '', 'under a wrapper the output goes to stderr');
    const child = JSON.parse(result.stderr.slice(result.stderr.indexOf('{'))) as { env: Record<string, string> };
    t.equal(child.env.AWS_PROFILE, 'alice-mfasession');
    t.notOk('AWS_ACCESS_KEY_ID' in child.env, 'stale keys are removed');
    t.notOk('AWSMFA_WRAPPER' in child.env, 'the child gets no wrapper marker');
    t.equal(child.env.AWS_SESSION_TYPE, 'mfasession');
  });

  t.test('passes the exit status through', async (t) => {
    const { env } = setUp(t);
    t.equal(runAwsmfa(['exec', 'alice', '--no-mfa', '--', 'sh', '-c', 'exit 7'], env).status, 7);
    t.equal(runAwsmfa(['exec', 'alice', '--no-mfa', '--', 'sh', '-c', 'exit 0'], env).status, 0);
    t.equal(runAwsmfa(['exec', 'alice', '--no-mfa', '--', 'sh', '-c', 'kill -KILL $$'], env).status, 128 + 9, 'signal death gives 128 + N');
    t.equal(runAwsmfa(['exec', 'alice', '--no-mfa', '--', 'awsmfa-no-such-command'], env).status, 127, 'a missing command gives 127');
  });

  t.test('keeps arguments and options of the command', async (t) => {
    const { env } = setUp(t);
    const result = runAwsmfa(['exec', 'alice', '--no-mfa', '--', 'sh', '-c', 'printf "%s|" "$@"', 'sh', '--debug', '007', '$HOME', ''], env);
    t.equal(result.status, 0, result.stderr);
    t.equal(result.stdout, '--debug|007|$HOME||');
  });

  t.test('takes the command without --', async (t) => {
    const { env } = setUp(t);
    const result = runAwsmfa(['exec', 'alice', '--no-mfa', 'sh', '-c', 'printf "%s|" "$@"', 'sh', '--output', 'json'], env);
    t.equal(result.status, 0, result.stderr);
    t.equal(result.stdout, '--output|json|');
  });

  t.test('needs a command', async (t) => {
    const { env } = setUp(t);
    const result = runAwsmfa(['exec', 'alice', '--no-mfa'], env);
    t.equal(result.status, 2);
    t.match(result.stderr, /name the command to run after the profile/);
  });

  for (const [signal, number] of [['SIGTERM', 15], ['SIGINT', 2], ['SIGHUP', 1]] as const) {
    t.test(`passes ${signal} on to the command`, async (t) => {
      const { env } = setUp(t);
      const trap = signal.slice(3);
      const script = `trap 'echo got-${trap}; exit 5' ${trap}; echo ready; while :; do sleep 0.05; done`;
      const child = spawn(process.execPath, [BIN, 'exec', 'alice', '--no-mfa', '--', 'sh', '-c', script], { env, stdio: ['ignore', 'pipe', 'pipe'] });
      let stdout = '';
      child.stdout.on('data', (chunk: Buffer) => {
        stdout += chunk.toString();
        if (stdout.includes('ready') && !child.killed) {
          child.kill(signal);
        }
      });
      const status = await new Promise<number | null>((resolve) => child.once('exit', (code) => resolve(code)));
      t.equal(stdout, `ready\ngot-${trap}\n`, 'the command got the signal');
      t.equal(status, 5, `awsmfa returns the command's status, not 128 + ${number}`);
    });
  }

  t.test('leaves the calling shell as it was', async (t) => {
    const { env } = setUp(t);
    const script = [
      'eval "$(awsmfa init bash)"',
      'export AWS_PROFILE=before',
      'awsmfa exec alice --code 123456 -- sh -c \'echo "child=$AWS_PROFILE"; exit 3\'',
      'echo "status=$?"',
      'echo "parent=$AWS_PROFILE"',
    ].join('\n');
    const result = runShell('bash', script, env);
    t.equal(result.stdout, 'child=alice-mfasession\nstatus=3\nparent=before\n', result.stderr);
  });

  t.test('secrets stay out of stderr and argv with --debug', async (t) => {
    const { home, env } = setUp(t);
    const result = runAwsmfa(['--debug', 'exec', 'alice', '--code', '123456', '--no-persist', '--', ...SCAN_CHILD], env);
    t.equal(result.status, 0, result.stderr);
    t.equal(result.stdout, 'has-key clean', 'the command has the key, and no process has it in argv');
    t.match(result.stderr, /awsmfa\[debug\]/, 'debug lines are on');
    t.notMatch(result.stderr, /(?<!\d)123456(?!\d)/, 'no MFA code on stderr');
    t.notMatch(result.stderr, /[A-Za-z0-9/+=]{40,}/, 'nothing shaped like a secret key or token on stderr');
    t.notMatch(result.stderr, alice.secretAccessKey, "no base profile's secret on stderr");

    const stored = runAwsmfa(['--debug', 'exec', 'alice', '--code', '123456', '--', ...REPORT_CHILD], env);
    const session = /aws_secret_access_key = (\S+)\r?\naws_session_token = (\S+)/.exec(home.read('credentials').split('[alice-mfasession]')[1] ?? '');
    t.ok(session, 'the session is stored');
    t.notMatch(stored.stderr, session?.[1] ?? '-', 'no session secret on stderr');
    t.notMatch(stored.stderr, session?.[2] ?? '-', 'no session token on stderr');
    t.notMatch(stored.stdout, session?.[1] ?? '-', 'a session selected by name gives the command no key');
  });
});

t.test('env', async (t) => {
  t.test('json keys work with the AWS CLI', async (t) => {
    const { home, env } = setUp(t);
    const before = home.read('credentials');
    const result = runAwsmfa(['env', 'alice', '--code', '123456', '--no-persist', '--format', 'json'], env);
    t.equal(result.status, 0, result.stderr);
    const variables = JSON.parse(result.stdout) as Record<string, string>;
    t.match(variables, { AWS_REGION: 'eu-west-1', AWS_DEFAULT_OUTPUT: 'json', AWS_SESSION_TYPE: 'mfasession' });
    t.equal(home.read('credentials'), before, '--no-persist stores nothing');
    const caller = spawnSync('aws', ['sts', 'get-caller-identity'], { env: { ...env, ...variables }, encoding: 'utf8' });
    t.equal(caller.status, 0, `the keys work: ${caller.stderr}`);
  });

  t.test('exports the keys of a stored session', async (t) => {
    const { home, env } = setUp(t);
    const result = runAwsmfa(['env', 'alice', '--code', '123456', '--format', 'dotenv'], env);
    t.equal(result.status, 0, result.stderr);
    t.match(home.read('credentials'), /\[alice-mfasession\]/, 'the session is stored');
    t.match(result.stdout, /^AWS_SECRET_ACCESS_KEY='[^']+'$/m, 'dotenv line with the secret key');
    t.match(result.stdout, /^AWS_SESSION_TOKEN='[^']+'$/m);
    t.notMatch(result.stdout, /AWS_PROFILE=/, 'no profile beside the keys');

    const again = runAwsmfa(['env', 'alice', '--format', 'dotenv'], env);
    t.equal(again.status, 0, 'a live session needs no code');
    t.equal(again.stdout.replace(/^AWS_(CREDENTIAL|SESSION)_EXPIRATION=.*\n/gm, ''), result.stdout.replace(/^AWS_(CREDENTIAL|SESSION)_EXPIRATION=.*\n/gm, ''), 'the same keys again');
  });

  t.test('bash format runs in bash', async (t) => {
    const { env } = setUp(t);
    const code = runAwsmfa(['env', 'alice', '--code', '123456', '--format', 'bash'], env);
    t.equal(code.status, 0, code.stderr);
    const result = spawnSync('bash', ['--noprofile', '--norc', '-euc', `eval "$1"\naws sts get-caller-identity >/dev/null\nenv -0`, 'env', code.stdout], { env, encoding: 'utf8' });
    t.equal(result.status, 0, result.stderr);
    t.ok(parseEnv0(result.stdout).get('AWS_SECRET_ACCESS_KEY'), 'the key is exported');
  });

  t.test('fish format runs in fish', async (t) => {
    // A missing tool fails the run instead of skipping the test.
    if (!t.ok(hasCommand('fish', ['-c', 'exit']), 'required: fish must be installed')) {
      return;
    }
    const { env } = setUp(t);
    const code = runAwsmfa(['env', 'alice', '--code', '123456', '--format', 'fish'], env);
    t.equal(code.status, 0, code.stderr);
    const result = spawnSync('fish', ['--no-config', '-c', 'eval $argv[1]; and aws sts get-caller-identity >/dev/null; and printf %s $AWS_REGION', code.stdout], { env, encoding: 'utf8' });
    t.equal(result.status, 0, result.stderr);
    t.equal(result.stdout, 'eu-west-1');
  });

  t.test('defaults to the shell of the wrapper', async (t) => {
    const { env } = setUp(t);
    t.equal(runAwsmfa(['use', 'alice', '--code', '123456'], env).status, 0);
    const result = runShell('bash', 'eval "$(awsmfa init bash)"\nawsmfa env alice | grep -c "^export AWS_SECRET_ACCESS_KEY="\necho "${AWS_SECRET_ACCESS_KEY-unset}"', env);
    t.equal(result.status, 0, result.stderr);
    t.equal(result.stdout, '1\nunset\n', 'bash code, printed rather than run');
  });

  t.test('warns on a terminal only', async (t) => {
    // A missing tool fails the run instead of skipping the test.
    if (!t.ok(hasCommand('script', ['-V']), 'required: script must be installed')) {
      return;
    }
    const { env } = setUp(t);
    t.equal(runAwsmfa(['use', 'alice', '--code', '123456'], env).status, 0);
    const command = `${shellWord(process.execPath)} ${shellWord(BIN)} env alice --format json`;
    t.match(runWithTerminal(command, env), /this output holds secret keys/, 'direct call to a terminal');
    t.notMatch(runAwsmfa(['env', 'alice', '--format', 'json'], env).stderr, /holds secret keys/, 'no warning into a pipe');

    const wrapped = `bash --noprofile --norc -c ${shellWord('eval "$(awsmfa init bash)"; awsmfa env alice --format json >/dev/null; echo piped; awsmfa env alice --format json')}`;
    const screen = runWithTerminal(wrapped, env);
    t.match(screen, /^piped\r?\n/m, 'no warning when the wrapper output is redirected');
    t.equal(screen.match(/holds secret keys/g)?.length, 1, 'one warning for the output on the terminal');
  });

  t.test('rejects an unknown format', async (t) => {
    const { env } = setUp(t);
    const result = runAwsmfa(['env', 'alice', '--format', 'yaml'], env);
    t.equal(result.status, 2);
    t.match(result.stderr, /dotenv/);
  });

  t.test('secrets appear only in stdout with --debug', async (t) => {
    const { env } = setUp(t);
    const result = runAwsmfa(['--debug', 'env', 'alice', '--code', '123456', '--no-persist', '--format', 'json'], env);
    t.equal(result.status, 0, result.stderr);
    const variables = JSON.parse(result.stdout) as Record<string, string>;
    const secret = variables.AWS_SECRET_ACCESS_KEY as string;
    const token = variables.AWS_SESSION_TOKEN as string;
    t.ok(secret && token, 'stdout carries the payload');
    t.match(result.stderr, /awsmfa\[debug\]/, 'debug lines are on');
    t.notMatch(result.stderr, secret, 'no secret key on stderr');
    t.notMatch(result.stderr, token, 'no session token on stderr');
    t.notMatch(result.stderr, /(?<!\d)123456(?!\d)/, 'no MFA code on stderr');
    t.notMatch(result.stderr, alice.secretAccessKey, "no base profile's secret on stderr");
  });

  t.test('cache holds no secrets after env and exec', async (t) => {
    const { home, env } = setUp(t);
    t.equal(runAwsmfa(['env', 'alice', '--code', '123456', '--format', 'json'], env).status, 0);
    await new Promise((resolve) => setTimeout(resolve, 2100));
    t.equal(runAwsmfa(['list', '--names'], env).status, 0);
    const cache = ['profiles.json', 'view.json'].map((name) => readFileSync(`${home.home}/.cache/awsmfa/${name}`, 'utf8')).join('\n');
    t.match(cache, /alice-mfasession/, 'the cache lists the session');
    t.notMatch(cache, /ASIA|AKIA/, 'no access key id');
    t.notMatch(cache, alice.secretAccessKey, 'no secret key');
    const stored = /aws_session_token = (\S+)/.exec(home.read('credentials'))?.[1] ?? 'missing';
    t.notMatch(cache, stored, 'no session token');
    t.match(cache, /"aws_session_token","\(not cached\)"/, 'only a placeholder for the token');
  });
});
