import { spawn, spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, rmSync, utimesSync, writeFileSync } from 'node:fs';
import { hostname, tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import t from 'tap';
import { acquireLock, LockTimeoutError } from '../../src/files/lock.js';

const LOCK_MODULE = fileURLToPath(new URL('../../src/files/lock.ts', import.meta.url));
const folder = mkdtempSync(join(tmpdir(), 'awsmfa-lock-'));
t.teardown(() => rmSync(folder, { recursive: true, force: true }));

/** Return the id of a process that no longer runs: a child that has exited. */
function getDeadPid(): number {
  return spawnSync(process.execPath, ['-e', '']).pid as number;
}

t.test('acquireLock and release', async (t) => {
  const path = join(folder, 'basic.lock');
  const lock = await acquireLock(path);
  t.match(readFileSync(path, 'utf8'), new RegExp(`^${process.pid} ${hostname()} \\d{4}-`), 'the lock file names pid, host and time');
  lock.release();
  t.notOk(existsSync(path), 'release removes the lock file');
  lock.release();
  t.pass('a second release is harmless');
});

t.test('acquireLock timeout', async (t) => {
  const path = join(folder, 'busy.lock');
  const lock = await acquireLock(path);
  t.teardown(lock.release);

  const error = await acquireLock(path, 200).catch((caught: unknown) => caught);
  t.type(error, LockTimeoutError, 'a held lock times out');
  t.match((error as Error).message, `held by process ${process.pid} on ${hostname()}`, 'the message names the holder');
  t.match((error as LockTimeoutError).hint, `delete ${path}`, 'the hint says how to clear it');
  t.equal((error as LockTimeoutError).holderPid, process.pid, 'the error carries the holder pid');
});

t.test('acquireLock stale locks', async (t) => {
  const dead = join(folder, 'dead.lock');
  writeFileSync(dead, `${getDeadPid()} ${hostname()} 2020-01-01T00:00:00.000Z\n`);
  const takenOver = await acquireLock(dead, 2000);
  t.equal(readFileSync(dead, 'utf8').split(' ')[0], String(process.pid), 'a dead holder on this host is taken over');
  takenOver.release();

  const empty = join(folder, 'empty.lock');
  writeFileSync(empty, '');
  const old = new Date(Date.now() - 60_000);
  utimesSync(empty, old, old);
  (await acquireLock(empty, 2000)).release();
  t.pass('an old empty lock is taken over');

  writeFileSync(empty, '');
  await t.rejects(acquireLock(empty, 300), LockTimeoutError, 'a fresh empty lock is respected');

  const remote = join(folder, 'remote.lock');
  writeFileSync(remote, `${getDeadPid()} another-host.example 2020-01-01T00:00:00.000Z\n`);
  await t.rejects(acquireLock(remote, 300), { name: 'LockTimeoutError', message: /another-host\.example/ }, 'a holder on another host is respected');
});

t.test('acquireLock released on a signal', async (t) => {
  const path = join(folder, 'signal.lock');
  const script = join(folder, 'hold-lock.mts');
  writeFileSync(script, `import { acquireLock } from ${JSON.stringify(LOCK_MODULE)};\nawait acquireLock(process.argv[2]);\nprocess.stdout.write('locked\\n');\nsetInterval(() => {}, 1000);\n`);

  for (const signal of ['SIGINT', 'SIGTERM', 'SIGHUP'] as const) {
    const child = spawn(process.execPath, ['--import', 'tsx', script, path], { stdio: ['ignore', 'pipe', 'inherit'] });
    await new Promise((resolve) => child.stdout.once('data', resolve));
    t.ok(existsSync(path), `the child holds the lock before ${signal}`);
    const exited = new Promise<NodeJS.Signals | null>((resolve) => child.once('exit', (_code, received) => resolve(received)));
    child.kill(signal);
    t.equal(await exited, signal, `the child ends by ${signal}`);
    t.notOk(existsSync(path), `${signal} removes the lock file`);
  }
});
