import { chmodSync, existsSync, mkdirSync, readdirSync, readFileSync, renameSync, statSync, utimesSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import t, { type Test } from 'tap';
import { getProfileCachePath, readProfileEntries } from '../../src/completion/profile-cache.js';
import { createHome, type TestHome } from '../helpers/home.js';

const SECRET = 'mockSecretKeyThatMustNeverBeCachedEXAMPLE';
const TOKEN = 'mockSessionTokenThatMustNeverBeCachedEXAMPLE';

const CONFIG = ['[default]', 'region = us-east-1', '[profile ops]', 'role_arn = arn:aws:iam::123456789012:role/ops', 'source_profile = alice', '[profile sso-dev]', 'sso_session = corp', ''].join('\n');
const CREDENTIALS = [
  '[alice]',
  'aws_access_key_id = AKIAMOCKEXAMPLE00001',
  `aws_secret_access_key = ${SECRET}`,
  '[alice-mfasession]',
  'aws_access_key_id = ASIAMOCKEXAMPLE00001',
  `aws_secret_access_key = ${SECRET}`,
  `aws_session_token = ${TOKEN}`,
  'aws_session_expiry = 1900000000',
  '',
].join('\n');

/** Ten seconds ago: outside the window in which a file may still change unseen. */
const SETTLED_TIME = new Date(Date.now() - 10_000);

function setUp(t: Test): { home: TestHome; env: NodeJS.ProcessEnv; cachePath: string } {
  const home = createHome({ config: CONFIG, credentials: CREDENTIALS });
  t.teardown(home.remove);
  settle(home.config);
  settle(home.credentials);
  const env = { HOME: home.home, XDG_CACHE_HOME: join(home.home, '.cache') };
  return { home, env, cachePath: getProfileCachePath(env) };
}

function settle(path: string): void {
  utimesSync(path, SETTLED_TIME, SETTLED_TIME);
}

t.test(readProfileEntries.name, async (t) => {
  t.test('lists every profile with its kind, sorted', async (t) => {
    const { env } = setUp(t);
    t.same(await readProfileEntries(env), [
      { name: 'alice', kind: 'base' },
      { name: 'alice-mfasession', kind: 'mfa-session' },
      { name: 'default', kind: 'other' },
      { name: 'ops', kind: 'role' },
      { name: 'sso-dev', kind: 'sso' },
    ]);
  });

  t.test('writes the cache with mode 0600 in a 0700 folder', async (t) => {
    const { env, cachePath } = setUp(t);
    await readProfileEntries(env);
    t.equal(cachePath, join(env.XDG_CACHE_HOME as string, 'awsmfa', 'profiles.json'));
    t.equal(statSync(cachePath).mode & 0o777, 0o600, 'file mode');
    t.equal(statSync(join(env.XDG_CACHE_HOME as string, 'awsmfa')).mode & 0o777, 0o700, 'folder mode');
    t.same(readdirSync(join(env.XDG_CACHE_HOME as string, 'awsmfa')).sort(), ['profiles.json', 'view.json'], 'no temporary file is left');
  });

  t.test('cache holds no secrets', async (t) => {
    const { env, cachePath } = setUp(t);
    await readProfileEntries(env);
    const text = readFileSync(cachePath, 'utf8');
    t.notMatch(text, SECRET, 'no secret key');
    t.notMatch(text, TOKEN, 'no session token');
    t.notMatch(text, 'AKIAMOCK', 'no access key id');
  });

  t.test('reads the cache while the files are unchanged', async (t) => {
    const { env, cachePath } = setUp(t);
    await readProfileEntries(env);
    const cache = JSON.parse(readFileSync(cachePath, 'utf8')) as { entries: string[][] };
    cache.entries.push(['only-in-cache', 'base']);
    writeFileSync(cachePath, JSON.stringify(cache));
    const names = (await readProfileEntries(env)).map((entry) => entry.name);
    t.ok(names.includes('only-in-cache'), 'the cached list is returned');
  });

  t.test('refreshes when a file grows', async (t) => {
    const { home, env } = setUp(t);
    await readProfileEntries(env);
    writeFileSync(home.config, `${CONFIG}[profile added]\nregion = eu-west-1\n`);
    settle(home.config);
    t.ok((await readProfileEntries(env)).some((entry) => entry.name === 'added'));
  });

  t.test('refreshes when only the modification time changes', async (t) => {
    const { home, env } = setUp(t);
    await readProfileEntries(env);
    writeFileSync(home.config, CONFIG.replace('[profile ops]', '[profile xyz]'));
    const later = new Date(SETTLED_TIME.getTime() + 1);
    utimesSync(home.config, later, later);
    const names = (await readProfileEntries(env)).map((entry) => entry.name);
    t.ok(names.includes('xyz'), 'the renamed profile appears');
    t.notOk(names.includes('ops'), 'the old name is gone');
  });

  t.test('refreshes when a file is replaced with the same size and time', async (t) => {
    const { home, env } = setUp(t);
    await readProfileEntries(env);
    const replacement = `${home.config}.new`;
    writeFileSync(replacement, CONFIG.replace('[profile ops]', '[profile xyz]'));
    settle(replacement);
    renameSync(replacement, home.config);
    t.ok((await readProfileEntries(env)).some((entry) => entry.name === 'xyz'), 'a new inode is a change');
  });

  t.test('does not cache a file changed just now', async (t) => {
    const { home, env, cachePath } = setUp(t);
    writeFileSync(home.config, CONFIG);
    t.ok((await readProfileEntries(env)).length > 0, 'profiles are still returned');
    t.notOk(existsSync(cachePath), 'no cache is written');
  });

  t.test('follows AWS_CONFIG_FILE', async (t) => {
    const { home, env } = setUp(t);
    await readProfileEntries(env);
    const other = join(home.home, 'other-config');
    writeFileSync(other, '[profile elsewhere]\nregion = eu-west-1\n');
    settle(other);
    const names = (await readProfileEntries({ ...env, AWS_CONFIG_FILE: other })).map((entry) => entry.name);
    t.ok(names.includes('elsewhere'), 'profiles of the named file');
    t.notOk(names.includes('ops'), 'not those of ~/.aws/config');
  });

  t.test('missing files give no profiles', async (t) => {
    const { home, env } = setUp(t);
    home.remove();
    mkdirSync(home.home, { recursive: true });
    t.same(await readProfileEntries(env), []);
  });

  t.test('rebuilds a damaged cache', async (t) => {
    const { env, cachePath } = setUp(t);
    await readProfileEntries(env);
    writeFileSync(cachePath, '{"version":1,"files":');
    t.equal((await readProfileEntries(env)).length, 5);
    t.doesNotThrow(() => JSON.parse(readFileSync(cachePath, 'utf8')), 'the cache is whole again');
  });

  t.test('works when the cache folder cannot be written', async (t) => {
    const { env } = setUp(t);
    const cacheHome = env.XDG_CACHE_HOME as string;
    mkdirSync(cacheHome, { recursive: true });
    chmodSync(cacheHome, 0o500);
    t.teardown(() => chmodSync(cacheHome, 0o700));
    t.equal((await readProfileEntries(env)).length, 5);
  });

  t.test('ignores a relative XDG_CACHE_HOME', async (t) => {
    t.equal(getProfileCachePath({ HOME: '/home/mock', XDG_CACHE_HOME: 'relative/cache' }), '/home/mock/.cache/awsmfa/profiles.json');
    t.equal(getProfileCachePath({ HOME: '/home/mock' }), '/home/mock/.cache/awsmfa/profiles.json');
  });
});
