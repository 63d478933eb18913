import { spawnSync } from 'node:child_process';
import { existsSync, readFileSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import t from 'tap';
import { CLEAR_VARIABLES } from '../../src/commands/clear.js';
import { buildEnv, parseEnv0, PROJECT_ROOT, runAwsmfa, runShell } from '../helpers/cli.js';
import { createHome, keySection, type TestHome } from '../helpers/home.js';
import { createUser, startMoto, type IamUser } from '../helpers/moto.js';

// [shell to run, ShellKind for `awsmfa init`]
const POSIX_SHELLS: Array<[string, string]> = [
  ['bash', 'bash'],
  ['zsh', 'zsh'],
  ['dash', 'sh'],
];
const ALL_SHELLS: Array<[string, string]> = [...POSIX_SHELLS, ['fish', 'fish']];

const moto = await startMoto();
t.teardown(() => moto.stop());
const alice = await createUser(moto.endpoint, 'alice');

function createAliceHome(user: IamUser): TestHome {
  return createHome({
    config: `[default]\nregion = us-west-2\n\n[profile alice]\nregion = eu-west-1\noutput = json\nmfa_serial = ${user.mfaSerial}\n`,
    credentials: keySection('alice', user),
  });
}

function hasShell(shell: string): boolean {
  return spawnSync(shell, ['-c', 'exit 0']).status === 0;
}

function hasShellcheck(): boolean {
  return spawnSync('shellcheck', ['--version']).status === 0;
}

/** Shell code that loads the wrapper, as the install line in an rc file does. */
function installLine(shell: string, kind: string): string {
  return shell === 'fish' ? `awsmfa init ${kind} | source` : `eval "$(awsmfa init ${kind})"`;
}

/** Shell code that prints the environment NUL-separated. */
const PRINT_ENV = 'env -0';

for (const [shell, kind] of ALL_SHELLS) {
  t.test(`${shell} wrapper`, async (t) => {
    // A missing tool fails the run instead of skipping the test.
    if (!t.ok(hasShell(shell), `required: ${shell} must be installed`)) {
      return;
    }
    const home = createAliceHome(alice);
    t.teardown(home.remove);
    const env = buildEnv(home.home, moto.endpoint, { SHELL: `/bin/${shell}` });
    const install = installLine(shell, kind);
    // How to write `cmd || exit 9` and the last status, in POSIX shells or in fish.
    const or = shell === 'fish' ? '; or' : ' ||';
    const lastStatus = shell === 'fish' ? '$status' : '$?';

    t.test('sourcing twice prints nothing', async (t) => {
      const result = runShell(shell, `${install}\n${install}\ntype awsmfa >/dev/null && echo defined`, env);
      t.equal(result.status, 0, result.stderr);
      t.equal(result.stdout, 'defined\n', 'no output besides the check');
      t.equal(result.stderr, '', 'no errors');
    });

    t.test('use then clear leaves no session variable', async (t) => {
      const setup = shell === 'fish'
        ? `set -gx AWS_CONFIG_FILE ${home.config}; set -gx AWS_SESSION_INIT_TIME 1; set -gx AWS_SECURITY_TOKEN mockStaleToken`
        : `export AWS_CONFIG_FILE=${home.config} AWS_SESSION_INIT_TIME=1 AWS_SECURITY_TOKEN=mockStaleToken`;
      const script = [install, setup, `awsmfa use alice --code 123456${or} exit 9`, 'awsmfa clear', PRINT_ENV].join('\n');
      const result = runShell(shell, script, env);
      t.equal(result.status, 0, result.stderr);
      const vars = parseEnv0(result.stdout);
      for (const name of CLEAR_VARIABLES) {
        t.notOk(vars.has(name), `${name} is removed`);
      }
      t.equal(vars.get('AWS_CONFIG_FILE'), home.config, 'AWS_CONFIG_FILE stays while its file exists');
      t.match(result.stderr, /removed AWS_PROFILE/, 'clear lists what it removed');
      t.match(result.stderr, /kept AWS_CONFIG_FILE/, 'clear says what it kept');
    });

    t.test('clear removes keys of an unstored session', async (t) => {
      const script = [install, `awsmfa use alice --code 123456 --no-persist${or} exit 9`, 'printf "%s\\n" "$AWS_SECRET_ACCESS_KEY" | grep -q . || exit 8', 'awsmfa clear', PRINT_ENV].join('\n');
      const result = runShell(shell, script, env);
      t.equal(result.status, 0, result.stderr);
      const vars = parseEnv0(result.stdout);
      for (const name of ['AWS_ACCESS_KEY_ID', 'AWS_SECRET_ACCESS_KEY', 'AWS_SESSION_TOKEN', 'AWS_REGION', 'AWS_SESSION_EXPIRY']) {
        t.notOk(vars.has(name), `${name} is removed`);
      }
    });

    t.test('clear --all removes the file variables', async (t) => {
      const setup = shell === 'fish' ? `set -gx AWS_CONFIG_FILE ${home.config}` : `export AWS_CONFIG_FILE=${home.config}`;
      const result = runShell(shell, [install, setup, 'awsmfa clear --all', PRINT_ENV].join('\n'), env);
      t.equal(result.status, 0, result.stderr);
      t.notOk(parseEnv0(result.stdout).has('AWS_CONFIG_FILE'));
    });

    t.test('clear removes a file variable whose file is missing', async (t) => {
      const missing = join(home.home, 'no-such-config');
      const setup = shell === 'fish' ? `set -gx AWS_CONFIG_FILE ${missing}` : `export AWS_CONFIG_FILE=${missing}`;
      const result = runShell(shell, [install, setup, 'awsmfa clear', PRINT_ENV].join('\n'), env);
      t.equal(result.status, 0, result.stderr);
      t.notOk(parseEnv0(result.stdout).has('AWS_CONFIG_FILE'));
    });

    t.test('list prints through the wrapper and into a pipe', async (t) => {
      const direct = runAwsmfa(['list'], env);
      t.equal(direct.status, 0, direct.stderr);
      const result = runShell(shell, [install, 'awsmfa list', 'awsmfa list --json | cat', 'awsmfa list --names | grep -c alice'].join('\n'), env);
      t.equal(result.status, 0, result.stderr);
      const json = runAwsmfa(['list', '--json'], env).stdout;
      t.equal(result.stdout, `${direct.stdout}${json}2\n`, 'same text as a direct call, then the piped outputs');
      t.match(direct.stdout, /^alice\s+base$/m);
    });

    t.test('exec output is never evaluated', async (t) => {
      const canary = join(home.home, 'exec-canary');
      const script = [install, `awsmfa exec alice -- printf '%s\\n' 'touch ${canary}'${or} exit 9`, 'echo "parent=$AWS_PROFILE"'].join('\n');
      const result = runShell(shell, script, env);
      t.equal(result.status, 0, result.stderr);
      t.equal(result.stdout, `touch ${canary}\nparent=\n`, 'the command prints to stdout, and the parent stays unset');
      t.notOk(existsSync(canary), 'nothing ran the printed text');
    });

    t.test('a failure evaluates nothing and returns its status', async (t) => {
      const script = [install, 'awsmfa use no-such-profile', `echo "status=${lastStatus}"`, PRINT_ENV].join('\n');
      const result = runShell(shell, script, env);
      t.match(result.stdout, /^status=1\n/, 'the status of the program');
      t.notOk(parseEnv0(result.stdout.replace(/^status=1\n/, '')).has('AWS_PROFILE'));
      t.match(result.stderr, /profile 'no-such-profile' not found/);
    });

    if (shell !== 'fish') {
      t.test('leaves no private variables behind', async (t) => {
        const check = 'echo "left:${__awsmfa_code+code}${__awsmfa_status+status}${__awsmfa_word+word}"';
        const script = [install, 'awsmfa clear 2>/dev/null', check, 'awsmfa exec alice -- true', check].join('\n');
        const result = runShell(shell, script, env);
        t.equal(result.stdout, 'left:\nleft:\n', result.stderr);
      });
    }

    t.test('direct use shows the install line', async (t) => {
      const result = runAwsmfa(['use', 'alice', '--no-mfa'], env);
      t.equal(result.status, 0, result.stderr);
      t.ok(result.stderr.includes(install), `stderr shows: ${install}`);
    });
  });
}

t.test('direct use names the install line of each shell', async (t) => {
  const home = createAliceHome(alice);
  t.teardown(home.remove);
  const expected: Array<[string, string, RegExp]> = [
    ['/bin/bash', 'bash', /eval "\$\(awsmfa init bash\)"/],
    ['/usr/bin/zsh', 'zsh', /eval "\$\(awsmfa init zsh\)"/],
    ['/bin/dash', 'sh', /eval "\$\(awsmfa init sh\)"/],
    ['/usr/bin/fish', 'fish', /awsmfa init fish \| source/],
    ['/usr/bin/pwsh', 'powershell', /awsmfa init powershell \| Out-String \| Invoke-Expression/],
  ];
  for (const [login, kind, line] of expected) {
    const result = runAwsmfa(['use', 'alice', '--no-mfa'], buildEnv(home.home, moto.endpoint, { SHELL: login }));
    t.equal(result.status, 0, `${kind}: ${result.stderr}`);
    t.match(result.stderr, line, `${kind} install line`);
  }
});

t.test('unsupported shell', async (t) => {
  const home = createHome();
  t.teardown(home.remove);
  const result = runAwsmfa(['init', 'tcsh'], buildEnv(home.home, moto.endpoint));
  t.equal(result.status, 2, 'usage error');
  t.equal(result.stdout, '', 'stdout is empty');
  t.match(result.stderr, /unsupported shell 'tcsh'/);
  t.match(result.stderr, /bash, zsh, sh, fish, powershell, cmd/, 'lists the supported shells');
});

t.test('shellcheck', async (t) => {
  // A missing tool fails the run instead of skipping the test.
  if (!t.ok(hasShellcheck(), 'required: shellcheck must be installed')) {
    return;
  }
  const files: Array<[string, string]> = [
    ['awsmfa.bash', 'bash'],
    // shellcheck has no zsh mode; the zsh wrapper uses only syntax that bash shares.
    ['awsmfa.zsh', 'bash'],
    ['awsmfa.sh', 'sh'],
    ['awsmfa.sh', 'dash'],
  ];
  for (const [file, mode] of files) {
    const result = spawnSync('shellcheck', [`--shell=${mode}`, join(PROJECT_ROOT, 'shell', file)], { encoding: 'utf8' });
    t.equal(result.status, 0, `${file} as ${mode}: ${result.stdout}`);
  }
});

t.test('wrappers mark their shell for shellcheck', async (t) => {
  for (const file of ['awsmfa.bash', 'awsmfa.zsh', 'awsmfa.sh']) {
    t.match(readFileSync(join(PROJECT_ROOT, 'shell', file), 'utf8'), /^# shellcheck shell=/, file);
  }
});

t.test('sh wrapper runs in dash -eu', async (t) => {
  // A missing tool fails the run instead of skipping the test.
  if (!t.ok(hasShell('dash'), 'required: dash must be installed')) {
    return;
  }
  const home = createAliceHome(alice);
  t.teardown(() => rmSync(home.home, { recursive: true, force: true }));
  const env = buildEnv(home.home, moto.endpoint);
  const result = spawnSync('dash', ['-eu', '-c', `eval "$(awsmfa init sh)"\nawsmfa use alice --no-mfa 2>/dev/null\nprintf '%s' "$AWS_PROFILE"`], { env, encoding: 'utf8' });
  t.equal(result.status, 0, result.stderr);
  t.equal(result.stdout, 'alice');
});
