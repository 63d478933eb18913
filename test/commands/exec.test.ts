import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import t from 'tap';
import { buildChildEnvironment, CommandNotExecutableError, CommandNotFoundError, runChild } from '../../src/commands/exec.js';

const BASE_ENV = { PATH: process.env.PATH ?? '/usr/bin:/bin', HOME: '/home/mock' };

t.test(buildChildEnvironment.name, async (t) => {
  t.test('applies the plan to a copy', async (t) => {
    const base = { ...BASE_ENV, AWS_PROFILE: 'old', AWS_SESSION_TOKEN: 'mockStale', AWSMFA_WRAPPER: 'bash', KEEP: 'yes' };
    const env = buildChildEnvironment(base, { unset: ['AWS_PROFILE', 'AWS_SESSION_TOKEN'], set: [['AWS_ACCESS_KEY_ID', 'ASIAMOCK']], messages: [] });
    t.same(env, { ...BASE_ENV, KEEP: 'yes', AWS_ACCESS_KEY_ID: 'ASIAMOCK' });
    t.equal(base.AWS_PROFILE, 'old', 'the base is unchanged');
  });

  t.test('removes AWSMFA_WRAPPER', async (t) => {
    const env = buildChildEnvironment({ AWSMFA_WRAPPER: 'zsh' }, { unset: [], set: [], messages: [] });
    t.notOk('AWSMFA_WRAPPER' in env);
  });
});

t.test(runChild.name, async (t) => {
  const options = { env: BASE_ENV, stdoutToStderr: false };

  t.test('returns the exit status', async (t) => {
    t.equal(await runChild(['sh', '-c', 'exit 0'], options), 0);
    t.equal(await runChild(['sh', '-c', 'exit 42'], options), 42);
  });

  t.test('returns 128 + N for a signal', async (t) => {
    t.equal(await runChild(['sh', '-c', 'kill -TERM $$'], options), 128 + 15);
    t.equal(await runChild(['sh', '-c', 'kill -KILL $$'], options), 128 + 9);
  });

  t.test('passes arguments as they are', async (t) => {
    const folder = mkdtempSync(join(tmpdir(), 'awsmfa-exec-'));
    t.teardown(() => rmSync(folder, { recursive: true, force: true }));
    const out = join(folder, 'out');
    const args = ['$HOME', "it's", '; touch x', '', '007'];
    t.equal(await runChild(['sh', '-c', 'printf "%s|" "$@" > "$0"', out, ...args], options), 0);
    t.equal(readFileSync(out, 'utf8'), `${args.join('|')}|`);
  });

  t.test('gives the command the environment', async (t) => {
    const env = { ...BASE_ENV, AWS_PROFILE: 'dev-mfasession' };
    t.equal(await runChild(['sh', '-c', 'test "$AWS_PROFILE" = dev-mfasession'], { ...options, env }), 0);
  });

  t.test('passes signals on to the command', async (t) => {
    for (const signal of ['SIGINT', 'SIGTERM', 'SIGHUP'] as const) {
      const running = runChild(['sh', '-c', 'sleep 5 & wait'], options);
      await new Promise((resolve) => setTimeout(resolve, 200));
      process.emit(signal, signal);
      const number = { SIGINT: 2, SIGTERM: 15, SIGHUP: 1 }[signal];
      t.equal(await running, 128 + number, signal);
    }
  });

  t.test('stops listening for signals afterwards', async (t) => {
    const before = process.listenerCount('SIGTERM');
    await runChild(['sh', '-c', 'exit 0'], options);
    t.equal(process.listenerCount('SIGTERM'), before);
  });

  t.test('reports a missing command', async (t) => {
    await t.rejects(runChild(['awsmfa-no-such-command'], options), CommandNotFoundError);
    await t.rejects(runChild(['awsmfa-no-such-command'], options), { exitCode: 127, message: /command not found: awsmfa-no-such-command/ });
  });

  t.test('reports a file that cannot run', async (t) => {
    const folder = mkdtempSync(join(tmpdir(), 'awsmfa-exec-'));
    t.teardown(() => rmSync(folder, { recursive: true, force: true }));
    const file = join(folder, 'not-executable');
    writeFileSync(file, 'echo hi\n', { mode: 0o644 });
    await t.rejects(runChild([file], options), CommandNotExecutableError);
    await t.rejects(runChild([file], options), { name: 'CommandNotExecutableError', exitCode: 126 });
  });
});
