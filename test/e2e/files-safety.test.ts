import { spawnSync } from 'node:child_process';
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import t from 'tap';
import { buildEnv, runAwsmfa } from '../helpers/cli.js';
import { createHome, keySection } from '../helpers/home.js';
import { createUser, startMoto } from '../helpers/moto.js';

const moto = await startMoto();
t.teardown(() => moto.stop());
const user = await createUser(moto.endpoint, 'safety');
const CONFIG = `[profile dev]\nregion = eu-west-1\nmfa_serial = ${user.mfaSerial}\n\n[profile other]\nregion = us-east-1\n`;

const UNSAFE: Array<[string, { config?: string; credentials?: string }, RegExp]> = [
  ['repeated section', { credentials: `${keySection('dev', user)}\n[other]\naws_access_key_id = AKIAOTHEREXAMPLE\naws_secret_access_key = mockOther\n\n[other]\nregion = x\n` }, /credentials: line 9: section \[other\] repeats the section at line 5/],
  ['byte order mark', { credentials: `\uFEFF${keySection('dev', user)}` }, /credentials: line 1: file starts with a byte order mark/],
  ['stray carriage return', { credentials: `${keySection('dev', user)}[x]\nk = v\rj = w\n` }, /credentials: line 5: .*carriage return/],
];

for (const [name, files, message] of UNSAFE) {
  t.test(`use rejects a credentials file with a ${name}`, async (t) => {
    const home = createHome({ config: CONFIG, credentials: files.credentials });
    t.teardown(home.remove);
    const before = { config: readFileSync(home.config), credentials: readFileSync(home.credentials) };

    const result = runAwsmfa(['use', 'dev', '--code', '123456'], buildEnv(home.home, moto.endpoint));
    t.equal(result.status, 1, 'exits 1');
    t.match(result.stderr, message, 'names the file, the line and the problem');
    t.match(result.stderr, /awsmfa doctor/, 'points to awsmfa doctor');
    t.ok(readFileSync(home.credentials).equals(before.credentials), 'the credentials file keeps every byte');
    t.ok(readFileSync(home.config).equals(before.config), 'the config file keeps every byte');
    t.same(readdirSync(join(home.home, '.aws')).sort(), ['config', 'credentials'], 'no lock or temporary file is left');
    t.notMatch(result.stderr, user.secretAccessKey, 'the secret key does not appear');
  });
}

t.test('use still reads other profiles of an unsafe file', async (t) => {
  const home = createHome({ config: CONFIG, credentials: `[other]\naws_access_key_id = AKIAOTHEREXAMPLE\naws_secret_access_key = mockOther\n[dev]\nregion = x\n[dev]\nregion = y\n` });
  t.teardown(home.remove);
  const result = runAwsmfa(['use', 'other', '--no-mfa'], buildEnv(home.home, moto.endpoint));
  t.equal(result.status, 0, `exits 0${result.status === 0 ? '' : `: ${result.stderr}`}`);
  t.match(result.stdout, /AWS_PROFILE='other'/, 'selects the profile');
});

for (const name of ['__proto__', 'team.dev', 'org/team', 'me@corp']) {
  t.test(`use with the profile name ${name}`, async (t) => {
    const home = createHome({ config: `[profile ${name}]\nregion = eu-west-1\nmfa_serial = ${user.mfaSerial}\n`, credentials: keySection(name, user) });
    t.teardown(home.remove);
    const env = buildEnv(home.home, moto.endpoint);

    const result = runAwsmfa(['use', name, '--code', '123456'], env);
    t.equal(result.status, 0, `exits 0${result.status === 0 ? '' : `: ${result.stderr}`}`);
    t.match(home.read('credentials'), `\n[${name}-mfasession]\naws_access_key_id = `, 'stores the session section');
    t.match(home.read('config'), `\n[profile ${name}-mfasession]\nregion = eu-west-1\n`, 'stores the session profile');
    const caller = spawnSync('aws', ['sts', 'get-caller-identity', '--profile', `${name}-mfasession`], { env, encoding: 'utf8' });
    t.equal(caller.status, 0, `the AWS CLI uses the session${caller.status === 0 ? '' : `: ${caller.stderr}`}`);
  });
}
