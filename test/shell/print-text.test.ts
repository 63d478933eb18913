import { spawnSync } from 'node:child_process';
import t from 'tap';
import { AwsmfaError } from '../../src/errors.js';
import { SHELL_KINDS } from '../../src/shell/plan.js';
import { renderPrint } from '../../src/shell/print-text.js';

const TRICKY_TEXT = [
  `it's "quoted" \`here\` ‘smart’`,
  '$HOME $(touch canary) %PATH% !x! (touch canary) {a,b} * ; | & < > # ~ ^',
  'tab\there, backslash \\ and \\n',
  '',
  'Grüße 😂 日本',
  '-n --not-an-option',
  '',
].join('\n');

// [shell, ShellKind, arguments that evaluate the code given as the next argument]
const REAL_SHELLS: Array<[string, 'sh' | 'fish', string[]]> = [
  ['bash', 'sh', ['--noprofile', '--norc', '-eu', '-c', 'eval "$1"', 'print']],
  ['dash', 'sh', ['-eu', '-c', 'eval "$1"', 'print']],
  ['zsh', 'sh', ['-f', '-c', 'eval "$1"', 'print']],
  ['fish', 'fish', ['--no-config', '-c', 'eval $argv[1]']],
];

function catchError(action: () => unknown): unknown {
  try {
    action();
  } catch (error) {
    return error;
  }
  return undefined;
}

function hasShell(command: string): boolean {
  return spawnSync(command, ['-c', 'exit 0']).status === 0;
}

t.test(renderPrint.name, async (t) => {
  t.test('snapshot per shell', async (t) => {
    for (const shell of SHELL_KINDS) {
      t.matchSnapshot(renderPrint(shell, 'alice  base\nbob    role\n', 'awsmfa: mock warning'), shell);
    }
  });

  t.test('posix shells print with printf', async (t) => {
    for (const shell of ['bash', 'zsh', 'sh'] as const) {
      t.equal(renderPrint(shell, "it's\n"), "printf '%s' 'it'\\''s\n'\n", shell);
    }
  });

  t.test('fish prints with printf', async (t) => {
    t.equal(renderPrint('fish', "it's\\\n"), "printf '%s' 'it\\'s\\\\\n'\n");
  });

  t.test('powershell writes one string per line', async (t) => {
    t.equal(renderPrint('powershell', "a\r\nit's\n"), "Write-Output 'a'\nWrite-Output 'it''s'\n");
  });

  t.test('cmd echoes each line', async (t) => {
    t.equal(renderPrint('cmd', 'alice  base\n\non\n'), 'echo(alice  base\necho(\necho(on\n');
  });

  t.test('empty text prints nothing', async (t) => {
    for (const shell of SHELL_KINDS) {
      t.equal(renderPrint(shell, ''), '', shell);
    }
  });

  t.test('terminal warning comes first', async (t) => {
    t.match(renderPrint('bash', 'x', 'warn'), /^if \[ -t 1 \]; then printf '%s\\n' 'warn' >&2; fi\n/);
    t.match(renderPrint('fish', 'x', 'warn'), /^if test -t 1; printf '%s\\n' 'warn' >&2; end\n/);
    t.match(renderPrint('powershell', 'x', 'warn'), /^if \(-not \[Console\]::IsOutputRedirected\)/);
    t.notMatch(renderPrint('cmd', 'x', 'warn'), /warn/, 'cmd cannot tell a terminal from a pipe');
  });

  t.test('cmd rejects unsafe characters', async (t) => {
    for (const text of ['a%b', 'a&b', 'a|b', 'a"b', 'a^b', 'a!b', 'a<b', 'a\rb', '{"json": true}']) {
      t.throws(() => renderPrint('cmd', text), AwsmfaError, JSON.stringify(text));
    }
    t.throws(() => renderPrint('cmd', 'ok\nbad%'), { message: /line 2/ }, 'message names the line');
    const error = catchError(() => renderPrint('cmd', 'a%b'));
    t.match(error, { hint: /awsmfa\.cmd/ }, 'hint names the way around the macro');
  });

  t.test('cmd rejects lines over its maximum', async (t) => {
    t.throws(() => renderPrint('cmd', 'a'.repeat(9000)), { message: /longer than/ });
  });

  t.test('NUL is rejected', async (t) => {
    for (const shell of SHELL_KINDS) {
      t.throws(() => renderPrint(shell, 'a\0b'), { message: /NUL/ }, shell);
    }
  });

  t.test('unknown shell is rejected', async (t) => {
    t.throws(() => renderPrint('tcsh' as never, 'x'), { name: 'UnsupportedShellError' });
  });

  for (const [command, kind, args] of REAL_SHELLS) {
    t.test(`prints tricky text intact in ${command}`, async (t) => {
      // A missing tool fails the run instead of skipping the test.
      if (!t.ok(hasShell(command), `required: ${command} must be installed`)) {
        return;
      }
      const code = renderPrint(kind, TRICKY_TEXT);
      const result = spawnSync(command, [...args, code], { encoding: 'utf8', env: { PATH: process.env.PATH, LANG: 'C.UTF-8' } });
      t.equal(result.stdout, TRICKY_TEXT, 'stdout is the text byte for byte');
      t.equal(result.stderr, '', 'stderr is empty');
    });
  }
});
