import t from 'tap';
import { AwsmfaError, UnsafeShellValueError, UnsupportedShellError } from '../../src/errors.js';
import { SHELL_KINDS } from '../../src/shell/plan.js';
import type { RenderPlan, ShellKind } from '../../src/shell/plan.js';
import { CMD_MAX_LINE_LENGTH } from '../../src/shell/render-cmd.js';
import { assertEnvName, renderPlan } from '../../src/shell/render.js';

const SESSION_PLAN: RenderPlan = {
  unset: ['AWS_PROFILE', 'AWS_SECURITY_TOKEN'],
  set: [
    ['AWS_ACCESS_KEY_ID', 'ASIAMOCKEXAMPLE12345'],
    ['AWS_SECRET_ACCESS_KEY', 'wJalrXUtnFEMI/K7MDENG+bPxRfiCYEXAMPLEKEY'],
    ['AWS_SESSION_TOKEN', 'FwoGZXIvYXdzEXAMPLE//////////wEaDK+mock/TOKEN+value=='],
    ['AWS_CREDENTIAL_EXPIRATION', '2030-01-02T03:04:05Z'],
    ['AWSMFA_PROFILE', 'mock-dev'],
  ],
  messages: ['awsmfa: mock-dev session valid until 2030-01-02 03:04 UTC'],
};

const TRICKY_PLAN: RenderPlan = {
  unset: ['AWS_PROFILE'],
  set: [
    ['MOCK_QUOTES', `it's "quoted" \`here\` ‘smart’`],
    ['MOCK_EXPANSIONS', '$HOME $(touch x) %PATH% !x! (touch x) {a,b} *'],
    ['MOCK_LINES', 'line one\nline two\ttab\\'],
    ['MOCK_EMPTY', ''],
    ['MOCK_TEXT', 'Grüße 😂 日本'],
  ],
  messages: ["profile 'mock-dev' is active", 'second line\n$HOME'],
};

const PORTABLE_PLAN: RenderPlan = {
  unset: ['A'],
  set: [['B', "it's"]],
  messages: ['done'],
};

const EMPTY_PLAN: RenderPlan = { unset: [], set: [], messages: [] };

const INVALID_NAMES = ['', '1A', 'A-B', 'A B', 'A;touch x', 'A=B', 'Ä', '$A', 'A\n', 'A.B'];

t.test(renderPlan.name, async (t) => {
  t.test('session snapshot', async (t) => {
    for (const shell of SHELL_KINDS) {
      t.matchSnapshot(renderPlan(shell, SESSION_PLAN), shell);
    }
  });

  t.test('tricky values snapshot', async (t) => {
    for (const shell of SHELL_KINDS.filter((kind) => kind !== 'cmd')) {
      t.matchSnapshot(renderPlan(shell, TRICKY_PLAN), shell);
    }
  });

  t.test('posix shells', async (t) => {
    const expected = "unset -v A\nexport B='it'\\''s'\nprintf '%s\\n' 'done' >&2\n";
    t.equal(renderPlan('bash', PORTABLE_PLAN), expected);
    t.equal(renderPlan('zsh', PORTABLE_PLAN), expected);
    t.equal(renderPlan('sh', PORTABLE_PLAN), expected);
  });

  t.test('fish', async (t) => {
    const expected =
      "if set -q -g A; set -e -g A; end\nset -gx B 'it\\'s'\nprintf '%s\\n' 'done' >&2\n";
    t.equal(renderPlan('fish', PORTABLE_PLAN), expected);
  });

  t.test('powershell', async (t) => {
    const expected = [
      'Remove-Item Env:A -ErrorAction SilentlyContinue',
      "$Env:B = 'it''s'",
      "[Console]::Error.WriteLine('done')",
      '',
    ].join('\n');
    t.equal(renderPlan('powershell', PORTABLE_PLAN), expected);
  });

  t.test('cmd', async (t) => {
    const plan: RenderPlan = { unset: ['A'], set: [['B', 'x/y+z=']], messages: ['done'] };
    t.equal(renderPlan('cmd', plan), 'set "A="\nset "B=x/y+z="\necho done 1>&2\n');
  });

  t.test('empty plan', async (t) => {
    for (const shell of SHELL_KINDS) {
      t.equal(renderPlan(shell, EMPTY_PLAN), '', shell);
    }
  });

  t.test('trailing newline', async (t) => {
    for (const shell of SHELL_KINDS) {
      t.ok(renderPlan(shell, SESSION_PLAN).endsWith('\n'), shell);
    }
  });

  t.test('unsets before sets', async (t) => {
    const plan: RenderPlan = { unset: ['X'], set: [['X', 'new']], messages: [] };
    for (const shell of SHELL_KINDS) {
      const lines = renderPlan(shell, plan).split('\n');
      t.match(lines[0], /unset|set -e|Remove-Item|set "X="/, shell);
      t.match(lines[1], /new/, shell);
    }
  });

  t.test('messages after sets', async (t) => {
    const plan: RenderPlan = { unset: [], set: [['X', 'new']], messages: ['note'] };
    for (const shell of SHELL_KINDS) {
      const lines = renderPlan(shell, plan).split('\n');
      t.match(lines[0], /new/, shell);
      t.match(lines[1], /note/, shell);
      t.equal(lines.length, 3, shell);
    }
  });

  t.test('invalid names', async (t) => {
    for (const shell of SHELL_KINDS) {
      for (const name of INVALID_NAMES) {
        const asUnset = catchError(() => renderPlan(shell, { ...EMPTY_PLAN, unset: [name] }));
        const asSet = catchError(() => renderPlan(shell, { ...EMPTY_PLAN, set: [[name, 'v']] }));
        t.type(asUnset, AwsmfaError, `${shell} unset ${JSON.stringify(name)}`);
        t.type(asSet, AwsmfaError, `${shell} set ${JSON.stringify(name)}`);
      }
    }
  });

  t.test('NUL in value', async (t) => {
    for (const shell of SHELL_KINDS) {
      const plan: RenderPlan = { ...EMPTY_PLAN, set: [['AWS_MOCK', 'a\0b']] };
      const error = catchError(() => renderPlan(shell, plan));
      t.type(error, UnsafeShellValueError, shell);
      t.match(error, { shell, variable: 'AWS_MOCK', message: /NUL/ }, shell);
    }
  });

  t.test('NUL in message', async (t) => {
    for (const shell of SHELL_KINDS) {
      const error = catchError(() => renderPlan(shell, { ...EMPTY_PLAN, messages: ['a\0b'] }));
      t.type(error, AwsmfaError, shell);
      t.match(error, { message: /NUL/ }, shell);
    }
  });

  t.test('unsupported shell', async (t) => {
    const error = catchError(() => renderPlan('tcsh' as ShellKind, SESSION_PLAN));
    t.type(error, UnsupportedShellError);
    t.match(error, { shell: 'tcsh', hint: /bash, zsh, sh, fish, powershell, cmd/ });
  });
});

t.test('renderPlan cmd', async (t) => {
  t.test('unsafe value', async (t) => {
    const plan: RenderPlan = { ...EMPTY_PLAN, set: [['AWS_MOCK', 'a&b']] };
    const error = catchError(() => renderPlan('cmd', plan));
    t.type(error, UnsafeShellValueError);
    t.match(error, { shell: 'cmd', variable: 'AWS_MOCK', message: /'&'/ });
  });

  t.test('unsafe messages left out', async (t) => {
    const messages = ["profile 'x'", 'a&b', '100%', 'line\nbreak', 'Grüße', 'kept'];
    t.equal(renderPlan('cmd', { ...EMPTY_PLAN, messages }), 'echo kept 1>&2\n');
  });

  t.test('echo keywords left out', async (t) => {
    const messages = ['', '   ', 'on', 'OFF', ' Off ', 'on and off'];
    t.equal(renderPlan('cmd', { ...EMPTY_PLAN, messages }), 'echo on and off 1>&2\n');
  });

  t.test('empty value', async (t) => {
    t.equal(renderPlan('cmd', { ...EMPTY_PLAN, set: [['A', '']] }), 'set "A="\n');
  });

  t.test('max line length', async (t) => {
    const fits = 'x'.repeat(CMD_MAX_LINE_LENGTH - 'set "A="'.length);
    const line = renderPlan('cmd', { ...EMPTY_PLAN, set: [['A', fits]] });
    t.equal(line.length, CMD_MAX_LINE_LENGTH + 1);

    const error = catchError(() => renderPlan('cmd', { ...EMPTY_PLAN, set: [['A', `${fits}x`]] }));
    t.type(error, UnsafeShellValueError);
    t.match(error, { variable: 'A', message: /8192 characters.*8191/ });
  });

  t.test('long message left out', async (t) => {
    const fits = 'x'.repeat(CMD_MAX_LINE_LENGTH - 'echo  1>&2'.length);
    const messages = [fits, `${fits}x`];
    t.equal(renderPlan('cmd', { ...EMPTY_PLAN, messages }), `echo ${fits} 1>&2\n`);
  });
});

t.test(assertEnvName.name, async (t) => {
  t.test('valid names', async (t) => {
    for (const name of ['A', '_', 'AWS_PROFILE', 'a1_', '_1', 'awsmfa_profile']) {
      t.doesNotThrow(() => assertEnvName(name), name);
    }
  });

  t.test('invalid names', async (t) => {
    for (const name of INVALID_NAMES) {
      const error = catchError(() => assertEnvName(name));
      t.type(error, AwsmfaError, JSON.stringify(name));
      t.match(error, { message: JSON.stringify(name), hint: /letter or _/ }, JSON.stringify(name));
    }
  });
});

function catchError(run: () => unknown): unknown {
  try {
    run();
  } catch (error) {
    return error;
  }
  return undefined;
}
