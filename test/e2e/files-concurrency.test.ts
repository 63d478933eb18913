import { spawn, spawnSync, type ChildProcessByStdio } from 'node:child_process';
import type { Readable } from 'node:stream';
import { chmodSync, existsSync, lstatSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, statSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { build } from 'esbuild';
import t from 'tap';
import { BIN, buildEnv } from '../helpers/cli.js';
import { createHome, keySection } from '../helpers/home.js';
import { createUser, startMoto, type IamUser } from '../helpers/moto.js';

const SRC = fileURLToPath(new URL('../../src/', import.meta.url));
const PROFILES = 32;
const KILLS = 100;
/** Kills go on past KILLS until this many hit a writer with its temporary file open. */
const KILLS_WHILE_WRITING = 3;
const MAX_KILLS = 400;

const moto = await startMoto();
t.teardown(() => moto.stop());
const scratch = mkdtempSync(join(tmpdir(), 'awsmfa-files-e2e-'));
t.teardown(() => rmSync(scratch, { recursive: true, force: true }));

interface Finished {
  status: number | null;
  stderr: string;
}

/** Start the awsmfa program without waiting for it, so that many can run at once. */
function startAwsmfa(args: string[], env: NodeJS.ProcessEnv): Promise<Finished> {
  const child = spawn(process.execPath, [BIN, ...args], { env, stdio: ['ignore', 'ignore', 'pipe'] });
  let stderr = '';
  child.stderr.on('data', (chunk: Buffer) => {
    stderr += chunk.toString();
  });
  return new Promise((resolve) => child.once('close', (status) => resolve({ status, stderr })));
}

function readWithBotocore(path: string): { sections?: string[]; error?: string } {
  const root = spawnSync('pyenv', ['root'], { encoding: 'utf8' });
  const python = root.status === 0 ? join(root.stdout.trim(), 'shims', 'python3') : 'python3';
  const code = 'import json, sys\nimport botocore.configloader as c\nprint(json.dumps(sorted(c.raw_config_parse(sys.argv[1]).keys())))';
  const result = spawnSync(python, ['-c', code, path], { encoding: 'utf8', env: { ...process.env, PYTHONUTF8: '1' } });
  return result.status === 0 ? { sections: JSON.parse(result.stdout) as string[] } : { error: result.stderr };
}

t.test('32 concurrent sessions', async (t) => {
  const users = await Promise.all(Array.from({ length: PROFILES }, (_, i) => createUser(moto.endpoint, `concurrent${i}`)));
  const config = users.map((user, i) => `[profile p${i}]\nregion = us-east-1\nmfa_serial = ${user.mfaSerial}\n`).join('\n');
  const credentials = `# keys for the concurrency test\n${users.map((user: IamUser, i) => keySection(`p${i}`, user)).join('\n')}`;
  const home = createHome({ config, credentials });
  t.teardown(home.remove);
  const env = buildEnv(home.home, moto.endpoint);

  const results = await Promise.all(users.map((_, i) => startAwsmfa(['use', `p${i}`, '--code', '123456'], env)));
  t.same(results.filter((result) => result.status !== 0).map((result) => result.stderr), [], 'every process exits 0');

  const after = home.read('credentials');
  t.ok(after.startsWith(credentials), 'the original credentials text is unchanged');
  const sessions = [...after.slice(credentials.length).matchAll(/^\[(p\d+-mfasession)\]\naws_access_key_id = [A-Z0-9]+\naws_secret_access_key = \S+\naws_session_token = \S+\naws_session_expiry = \d+\nx_security_token_expires = \S+Z\n/gm)];
  t.equal(sessions.length, PROFILES, 'all 32 sessions are stored, each with its five keys');
  t.same(new Set(sessions.map((match) => match[1])).size, PROFILES, 'each profile got its own session');
  t.equal(after.slice(credentials.length).replace(/\n\[p\d+-mfasession\]\n(?:[a-z_]+ = \S+\n){5}/g, ''), '', 'nothing else was added');

  const configAfter = home.read('config');
  t.ok(configAfter.startsWith(config), 'the original config text is unchanged');
  t.equal(configAfter.slice(config.length).replace(/\n\[profile p\d+-mfasession\]\nregion = us-east-1\n/g, ''), '', 'config gains only the 32 session sections');

  const parsed = readWithBotocore(home.credentials);
  t.equal(parsed.error, undefined, 'botocore reads the credentials file');
  t.equal(parsed.sections?.length, PROFILES * 2, 'botocore sees 64 sections');
  t.same(readdirSync(join(home.home, '.aws')).sort(), ['config', 'credentials'], 'no lock or temporary file is left');
});

t.test('writer killed at random moments', async (t) => {
  const folder = join(scratch, 'kill');
  mkdirSync(folder);
  const writer = await bundleWriter(folder);
  const paths = { config: join(folder, 'config'), credentials: join(folder, 'credentials') };
  const padding = Array.from({ length: 3_000 }, (_, i) => `[profile-${i}]\naws_access_key_id = AKIAEXAMPLE${i}\n# padding line to make each write take a while\n`).join('');
  writeFileSync(paths.credentials, `${padding}\n[counter]\nvalue = 0\n`, { mode: 0o600 });

  let last = 0;
  let slowestFirstWriteMs = 0;
  let killedWhileLocked = 0;
  let killedWhileWriting = 0;
  const broken: string[] = [];
  let attempts = 0;
  let writersThatWrote = 0;
  for (; attempts < MAX_KILLS && (attempts < KILLS || killedWhileWriting < KILLS_WHILE_WRITING); attempts++) {
    const attempt = attempts;
    const started = Date.now();
    const child = spawn(process.execPath, [writer, paths.config, paths.credentials], { stdio: ['ignore', 'pipe', 'pipe'] });
    const output = watchWriter(child, folder);
    await new Promise((resolve) => child.stdout.once('data', resolve));
    await new Promise((resolve) => setTimeout(resolve, Math.random() * 250));
    const exited = new Promise((resolve) => child.once('close', resolve));
    child.kill('SIGKILL');
    await exited;
    if (output.firstWriteAt !== undefined) {
      writersThatWrote++;
      slowestFirstWriteMs = Math.max(slowestFirstWriteMs, output.firstWriteAt - started);
      assertNoForeignTempFiles(output.tempFilesAfterFirstWrite, broken, attempt);
    }

    const leftovers = readdirSync(folder);
    killedWhileLocked += leftovers.some((name) => name.endsWith('.awsmfa.lock')) ? 1 : 0;
    killedWhileWriting += leftovers.some((name) => name.endsWith('.tmp')) ? 1 : 0;

    const text = readFileSync(paths.credentials, 'utf8');
    const match = /\n\[counter\]\nvalue = (\d+)\n$/.exec(text);
    if (!text.startsWith(padding) || match === null || match.index !== padding.length || Number(match[1]) < last) {
      broken.push(`attempt ${attempt}: the file is neither the old nor the new version (${text.length} bytes)`);
      break;
    }
    last = Number(match[1]);
  }
  t.same(broken, [], `${attempts} kills leave a whole file every time`);
  t.ok(writersThatWrote > 0, `writers took over the stale lock and wrote (${writersThatWrote} of ${attempts}, counter ${last})`);
  t.ok(killedWhileLocked > 0, `some kills hit a writer holding the lock (${killedWhileLocked} of ${attempts})`);
  t.ok(killedWhileWriting >= KILLS_WHILE_WRITING, `some kills hit a writer with its temporary file open (${killedWhileWriting} of ${attempts})`);
  t.ok(slowestFirstWriteMs < 5000, `each new writer takes over the lock quickly (slowest first write after ${slowestFirstWriteMs} ms)`);

  const final = spawnSync(process.execPath, [writer, paths.config, paths.credentials, '--once'], { encoding: 'utf8' });
  t.equal(final.status, 0, `a last run succeeds${final.status === 0 ? '' : `: ${final.stderr}`}`);
  t.same(readdirSync(folder).filter((name) => name !== 'writer.mjs').sort(), ['credentials'], 'the last run leaves no lock and no temporary file');
  t.equal(statSync(paths.credentials).mode & 0o777, 0o600, 'the mode holds');
});

interface WriterOutput {
  firstWriteAt: number | undefined;
  /** Temporary files of other processes, listed when the first write was reported. */
  tempFilesAfterFirstWrite: string[];
}

/** Watch a writer: it prints `started`, then the counter after each write. */
function watchWriter(child: ChildProcessByStdio<null, Readable, Readable>, folder: string): WriterOutput {
  const output: WriterOutput = { firstWriteAt: undefined, tempFilesAfterFirstWrite: [] };
  child.stdout.on('data', (chunk: Buffer) => {
    const wrote = chunk.toString().split('\n').some((line) => /^\d+$/.test(line));
    if (wrote && output.firstWriteAt === undefined) {
      output.firstWriteAt = Date.now();
      output.tempFilesAfterFirstWrite = readdirSync(folder).filter((name) => name.endsWith('.tmp') && !name.includes(`.awsmfa-${child.pid}-`));
    }
  });
  return output;
}

/** Report temporary files of dead writers, which must be gone once a new writer has written. */
function assertNoForeignTempFiles(foreign: string[], broken: string[], attempt: number): void {
  if (foreign.length > 0) {
    broken.push(`attempt ${attempt}: temporary files of dead writers remain: ${foreign.join(', ')}`);
  }
}

/** Bundle a small writer that calls updateDocuments in a loop (or once), for fast start-up. */
async function bundleWriter(folder: string): Promise<string> {
  const entry = join(folder, 'writer-entry.mts');
  writeFileSync(
    entry,
    [
      `import { updateDocuments } from ${JSON.stringify(join(SRC, 'files', 'store.ts'))};`,
      `import { setProperties } from ${JSON.stringify(join(SRC, 'ini', 'edit.ts'))};`,
      `import { readFileSync } from 'node:fs';`,
      'const [config, credentials, mode] = process.argv.slice(2);',
      'const paths = { config, credentials };',
      "process.stdout.write('started\\n');",
      'for (;;) {',
      "  const current = Number(/value = (\\d+)\\n$/.exec(readFileSync(credentials, 'utf8'))?.[1] ?? 0);",
      "  await updateDocuments(paths, { credentials: (doc) => setProperties(doc, 'counter', [['value', String(current + 1)]]) });",
      "  process.stdout.write(`${current + 1}\\n`);",
      "  if (mode === '--once') break;",
      '}',
    ].join('\n'),
  );
  const outfile = join(folder, 'writer.mjs');
  await build({ entryPoints: [entry], bundle: true, platform: 'node', format: 'esm', outfile, logLevel: 'warning' });
  rmSync(entry);
  return outfile;
}

t.test('symbolic links and modes', async (t) => {
  const user = await createUser(moto.endpoint, 'linked');
  const home = createHome({ config: `[profile linked]\nregion = eu-west-1\nmfa_serial = ${user.mfaSerial}\n` });
  t.teardown(home.remove);
  const real = join(home.home, 'dotfiles');
  mkdirSync(real);
  writeFileSync(join(real, 'aws-credentials'), keySection('linked', user), { mode: 0o640 });
  chmodSync(join(real, 'aws-credentials'), 0o640);
  symlinkSync('../dotfiles/aws-credentials', home.credentials);
  chmodSync(home.config, 0o644);

  const result = await startAwsmfa(['use', 'linked', '--code', '123456'], buildEnv(home.home, moto.endpoint));
  t.equal(result.status, 0, `exits 0${result.status === 0 ? '' : `: ${result.stderr}`}`);
  t.ok(lstatSync(home.credentials).isSymbolicLink(), 'the credentials file stays a symbolic link');
  t.match(readFileSync(join(real, 'aws-credentials'), 'utf8'), '[linked-mfasession]', 'the link target gets the session');
  t.equal(statSync(join(real, 'aws-credentials')).mode & 0o777, 0o640, 'the target keeps its mode');
  t.equal(statSync(home.config).mode & 0o777, 0o644, 'the config file keeps its mode');
  t.same(readdirSync(real), ['aws-credentials'], 'no lock or temporary file is left next to the target');
});

t.test('new ~/.aws folder and credentials file', async (t) => {
  const user = await createUser(moto.endpoint, 'fresh');
  const home = mkdtempSync(join(tmpdir(), 'awsmfa-fresh-'));
  t.teardown(() => rmSync(home, { recursive: true, force: true }));
  const config = join(home, 'config-elsewhere');
  writeFileSync(config, `[profile fresh]\nregion = us-west-2\nmfa_serial = ${user.mfaSerial}\naws_access_key_id = ${user.accessKeyId}\naws_secret_access_key = ${user.secretAccessKey}\n`);

  const result = await startAwsmfa(['use', 'fresh', '--code', '123456'], buildEnv(home, moto.endpoint, { AWS_CONFIG_FILE: config }));
  t.equal(result.status, 0, `exits 0${result.status === 0 ? '' : `: ${result.stderr}`}`);
  t.ok(existsSync(join(home, '.aws', 'credentials')), 'the credentials file is created');
  t.equal(statSync(join(home, '.aws')).mode & 0o777, 0o700, '~/.aws gets 0700');
  t.equal(statSync(join(home, '.aws', 'credentials')).mode & 0o777, 0o600, 'the credentials file gets 0600');
});
