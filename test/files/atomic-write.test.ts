import { spawnSync } from 'node:child_process';
import { chmodSync, lstatSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, statSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import t from 'tap';
import { removeStaleTempFiles, resolveWriteTarget, SymlinkLoopError, writeFileAtomic } from '../../src/files/atomic-write.js';

const root = mkdtempSync(join(tmpdir(), 'awsmfa-write-'));
t.teardown(() => rmSync(root, { recursive: true, force: true }));

function makeFolder(name: string): string {
  const folder = join(root, name);
  mkdirSync(folder, { recursive: true });
  return folder;
}

function getMode(path: string): number {
  return statSync(path).mode & 0o777;
}

t.test('writeFileAtomic modes', async (t) => {
  const folder = makeFolder('modes');
  const fresh = join(folder, 'credentials');
  const previous = process.umask(0o000);
  t.teardown(() => process.umask(previous));

  writeFileAtomic(fresh, 'a');
  t.equal(getMode(fresh), 0o600, 'a new file gets 0600 even with umask 000');

  const shared = join(folder, 'config');
  writeFileSync(shared, 'old');
  chmodSync(shared, 0o640);
  writeFileAtomic(shared, 'new');
  t.equal(readFileSync(shared, 'utf8'), 'new', 'the content is replaced');
  t.equal(getMode(shared), 0o640, 'an existing mode is kept');
  t.same(readdirSync(folder).sort(), ['config', 'credentials'], 'no temporary file is left');
});

t.test('writeFileAtomic through symbolic links', async (t) => {
  const folder = makeFolder('links');
  const real = makeFolder('links/real');
  writeFileSync(join(real, 'credentials'), 'old');
  chmodSync(join(real, 'credentials'), 0o600);
  symlinkSync('real/credentials', join(folder, 'credentials'));

  const target = resolveWriteTarget(join(folder, 'credentials'));
  t.equal(target, join(real, 'credentials'), 'the target is the linked file');
  writeFileAtomic(target, 'new');
  t.ok(lstatSync(join(folder, 'credentials')).isSymbolicLink(), 'the link stays a link');
  t.equal(readFileSync(join(real, 'credentials'), 'utf8'), 'new', 'the linked file gets the content');
  t.equal(getMode(join(real, 'credentials')), 0o600, 'and keeps its mode');
});

t.test('resolveWriteTarget in a linked folder', async (t) => {
  const data = makeFolder('folder-link/data/aws');
  makeFolder('folder-link/data/shared');
  makeFolder('folder-link/home');
  writeFileSync(join(root, 'folder-link/data/shared/credentials'), 'x');
  symlinkSync(data, join(root, 'folder-link/home/.aws'));
  symlinkSync('../shared/credentials', join(data, 'credentials'));

  const target = resolveWriteTarget(join(root, 'folder-link/home/.aws/credentials'));
  t.equal(target, join(root, 'folder-link/data/shared/credentials'), '.. in a link resolves from the real folder');
});

t.test('resolveWriteTarget of broken links', async (t) => {
  const folder = makeFolder('broken');
  symlinkSync('missing-target', join(folder, 'dangling'));
  t.equal(resolveWriteTarget(join(folder, 'dangling')), join(folder, 'missing-target'), 'a dangling link resolves to the path it names');

  symlinkSync('loop-b', join(folder, 'loop-a'));
  symlinkSync('loop-a', join(folder, 'loop-b'));
  t.throws(() => resolveWriteTarget(join(folder, 'loop-a')), SymlinkLoopError, 'a loop is an error');
});

t.test('writeFileAtomic failure', async (t) => {
  const folder = makeFolder('failure');
  mkdirSync(join(folder, 'credentials'));
  t.throws(() => writeFileAtomic(join(folder, 'credentials'), 'x'), { code: 'EISDIR' }, 'renaming over a folder fails');
  t.same(readdirSync(folder), ['credentials'], 'the temporary file is removed');
});

t.test('removeStaleTempFiles', async (t) => {
  const folder = makeFolder('stale');
  const deadPid = spawnSync(process.execPath, ['-e', '']).pid as number;
  const names = [
    `.credentials.awsmfa-${deadPid}-0a1b2c3d.tmp`,
    `.credentials.awsmfa-${process.pid}-0a1b2c3d.tmp`,
    `.config.awsmfa-${deadPid}-0a1b2c3d.tmp`,
    'credentials',
    '.credentials.swp',
  ];
  for (const name of names) {
    writeFileSync(join(folder, name), 'partial');
  }
  const removed = removeStaleTempFiles(join(folder, 'credentials'));
  t.same(removed, [join(folder, names[0] as string)], 'removes the temporary file of a dead process');
  t.same(readdirSync(folder).sort(), names.slice(1).sort(), 'keeps a live process file, other targets and other files');
});

t.test('writeFileAtomic on a read-only file', async (t) => {
  const folder = makeFolder('read-only');
  const path = join(folder, 'credentials');
  const script = join(folder, 'write.mts');
  writeFileSync(path, 'old');
  chmodSync(path, 0o444);
  chmodSync(folder, 0o777);
  writeFileSync(script, `import { writeFileAtomic } from ${JSON.stringify(fileURLToPath(new URL('../../src/files/atomic-write.ts', import.meta.url)))};\ntry { writeFileAtomic(process.argv[2], 'new'); } catch (error) { console.log(error.name, error.message); }\n`);
  chmodSync(root, 0o755);

  // Root may write any file, so the check runs as the unprivileged user nobody (65534).
  const asNobody = process.getuid?.() === 0 ? { uid: 65534, gid: 65534 } : {};
  const result = spawnSync(process.execPath, ['--import', 'tsx', script, path], { encoding: 'utf8', cwd: fileURLToPath(new URL('../../', import.meta.url)), ...asNobody });
  t.match(result.stdout, /^ReadOnlyFileError .*mode 0444/, `the write is rejected${result.stderr ? `: ${result.stderr}` : ''}`);
  t.equal(readFileSync(path, 'utf8'), 'old', 'the file is unchanged');
  t.same(readdirSync(folder).sort(), ['credentials', 'write.mts'], 'no temporary file is left');
});
