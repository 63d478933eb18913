import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { hostname, tmpdir } from 'node:os';
import { join } from 'node:path';
import t from 'tap';
import { readDocuments, UnsafeFileError, updateDocuments } from '../../src/files/store.js';
import { setProperties } from '../../src/ini/edit.js';
import { buildProfileView } from '../../src/ini/view.js';

const root = mkdtempSync(join(tmpdir(), 'awsmfa-store-'));
t.teardown(() => rmSync(root, { recursive: true, force: true }));
let counter = 0;

function createFiles(files: { config?: string | Buffer; credentials?: string | Buffer }) {
  const aws = join(root, `home-${counter++}`, '.aws');
  mkdirSync(aws, { recursive: true });
  const paths = { config: join(aws, 'config'), credentials: join(aws, 'credentials') };
  for (const kind of ['config', 'credentials'] as const) {
    const content = files[kind];
    if (content !== undefined) {
      writeFileSync(paths[kind], content, { mode: 0o600 });
    }
  }
  return { aws, paths };
}

const setSession = (doc: Parameters<typeof setProperties>[0]) => setProperties(doc, 'dev-mfasession', [['aws_session_expiry', '1700000000']]);

const UNSAFE: Array<[string, string | Buffer, number]> = [
  ['a byte order mark', '\uFEFF[dev]\nk = v\n', 1],
  ['UTF-16 text', Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from('[dev]\nk = v\n', 'utf16le')]), 1],
  ['invalid UTF-8', Buffer.concat([Buffer.from('[dev]\nk = caf'), Buffer.from([0xe9, 0x0a])]), 2],
  ['a NUL byte', '[dev]\nk = v\0\n', 2],
  ['a repeated section', '[dev]\nk = v\n[other]\nk = v\n[dev]\nj = w\n', 5],
  ['a repeated key', '[dev]\nk = v\nK = w\n', 3],
  ['a stray carriage return', '[dev]\nk = v\rj = w\n', 2],
  ['a property before a section', 'k = v\n[dev]\n', 1],
  ['an indented section header', '[dev]\nk = v\n  [other]\n', 3],
];

for (const [name, content, line] of UNSAFE) {
  t.test(`updateDocuments rejects ${name}`, async (t) => {
    const { aws, paths } = createFiles({ credentials: content, config: '[profile dev]\nregion = x\n' });
    const before = readFileSync(paths.credentials);
    const configBefore = readFileSync(paths.config);

    const error = await updateDocuments(paths, { credentials: setSession, config: setSession }).catch((caught: unknown) => caught);
    t.type(error, UnsafeFileError, 'rejects the edit');
    t.equal((error as UnsafeFileError).path, paths.credentials, 'names the file');
    t.equal((error as UnsafeFileError).line, line, 'names the line');
    t.ok((error as UnsafeFileError).hint, 'gives a fix');
    t.ok(readFileSync(paths.credentials).equals(before), 'the credentials file keeps every byte');
    t.ok(readFileSync(paths.config).equals(configBefore), 'the config file is not written either');
    t.same(readdirSync(aws).sort(), ['config', 'credentials'], 'no lock or temporary file is left');
  });
}

t.test('readDocuments still reads an unsafe file', async (t) => {
  const { paths } = createFiles({ credentials: '[dev]\naws_access_key_id = AKIA1\n[ops]\naws_access_key_id = AKIA2\n[dev]\nregion = x\n' });
  const docs = readDocuments(paths);
  const view = buildProfileView(docs.config, docs.credentials);
  t.equal(view.profiles.get('ops')?.get('aws_access_key_id'), 'AKIA2', 'other profiles read as the SDKs read them');
  t.equal(view.profiles.get('dev')?.get('region'), 'x', 'repeated sections merge as in the SDKs');
});

t.test('updateDocuments accepts warnings', async (t) => {
  const credentials = '[profile stray]\nk = v\n[dev]\nregion = us-east-1\nk = v # note\n';
  const { paths } = createFiles({ credentials });
  await updateDocuments(paths, { credentials: setSession });
  t.equal(readFileSync(paths.credentials, 'utf8'), `${credentials}\n[dev-mfasession]\naws_session_expiry = 1700000000\n`, 'the session is appended');
});

t.test('updateDocuments writes only changed files', async (t) => {
  const { paths } = createFiles({ credentials: '[dev-mfasession]\naws_session_expiry = 1700000000\n', config: '[default]\n' });
  const inode = statSync(paths.credentials).ino;
  await updateDocuments(paths, { credentials: setSession, config: (doc) => doc });
  t.equal(statSync(paths.credentials).ino, inode, 'an edit that changes nothing does not replace the file');
});

t.test('updateDocuments creates ~/.aws', async (t) => {
  const home = join(root, 'fresh-home');
  mkdirSync(home);
  const paths = { config: join(home, '.aws', 'config'), credentials: join(home, '.aws', 'credentials') };
  const previous = process.umask(0o000);
  t.teardown(() => process.umask(previous));

  await updateDocuments(paths, { credentials: setSession, config: setSession });
  t.equal(statSync(join(home, '.aws')).mode & 0o777, 0o700, 'the folder gets 0700');
  t.equal(statSync(paths.credentials).mode & 0o777, 0o600, 'the credentials file gets 0600');
  t.equal(statSync(paths.config).mode & 0o777, 0o600, 'the config file gets 0600');
  t.equal(readFileSync(paths.config, 'utf8'), '[profile dev-mfasession]\naws_session_expiry = 1700000000\n', 'config uses the profile prefix');
});

t.test('updateDocuments removes leftovers of a killed writer', async (t) => {
  const { aws, paths } = createFiles({ credentials: '[dev]\nk = v\n' });
  const deadPid = spawnSync(process.execPath, ['-e', '']).pid as number;
  const leftover = join(aws, `.credentials.awsmfa-${deadPid}-00ff00ff.tmp`);
  writeFileSync(leftover, '[dev]\nk = ');
  writeFileSync(`${paths.credentials}.awsmfa.lock`, `${deadPid} ${hostname()} 2020-01-01T00:00:00.000Z\n`);

  await updateDocuments(paths, { credentials: setSession });
  t.notOk(existsSync(leftover), 'the temporary file is removed');
  t.notOk(existsSync(`${paths.credentials}.awsmfa.lock`), 'the stale lock is taken over and released');
  t.match(readFileSync(paths.credentials, 'utf8'), 'aws_session_expiry', 'the edit is written');
});

t.test('updateDocuments in parallel', async (t) => {
  const { paths } = createFiles({ credentials: '# shared\n' });
  const names = Array.from({ length: 20 }, (_, i) => `p${i}`);
  await Promise.all(names.map((name) => updateDocuments(paths, { credentials: (doc) => setProperties(doc, name, [['k', name]]) })));
  const view = buildProfileView(readDocuments(paths).config, readDocuments(paths).credentials);
  t.same([...view.profiles.keys()].sort(), [...names].sort(), 'no edit is lost');
});

t.test('updateDocuments with one file for both', async (t) => {
  const { paths } = createFiles({ credentials: '[dev]\nk = v\n' });
  const same = { config: paths.credentials, credentials: paths.credentials };
  await t.rejects(updateDocuments(same, { credentials: setSession, config: setSession }), { message: /both lead to/ }, 'is rejected at once');
  t.equal(readFileSync(paths.credentials, 'utf8'), '[dev]\nk = v\n', 'the file is unchanged');
});
