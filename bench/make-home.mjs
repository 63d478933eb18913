// Write a HOME with N base profiles (default 500), each with a live MFA session, for benchmarks.
import { mkdirSync, utimesSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';

const [home, countText = '500'] = process.argv.slice(2);
if (!home) {
  process.stderr.write('usage: node bench/make-home.mjs HOME [PROFILES]\n');
  process.exit(2);
}
const count = Number(countText);
const expiry = Math.floor(Date.now() / 1000) + 8 * 3600;
const credentials = [];
const config = ['# benchmark profiles', '[default]', 'region = us-east-1', ''];

for (let i = 0; i < count; i++) {
  const name = `team-${String(i).padStart(3, '0')}`;
  credentials.push(`[${name}]`, `aws_access_key_id = AKIAEXAMPLE${String(i).padStart(9, '0')}`, `aws_secret_access_key = mockSecretKey${String(i).padStart(27, '0')}`, '');
  credentials.push(`[${name}-mfasession]`, 'aws_access_key_id = AKIAEXAMPLESESSION00', 'aws_secret_access_key = mockSessionSecret', 'aws_session_token = mockSessionToken', `aws_session_expiry = ${expiry}`, '');
  config.push(`[profile ${name}]`, 'region = eu-west-1', `mfa_serial = arn:aws:iam::123456789012:mfa/${name}`, 'output = json', '');
}
mkdirSync(join(home, '.aws'), { recursive: true, mode: 0o700 });
writeFileSync(join(home, '.aws', 'credentials'), credentials.join('\n'), { mode: 0o600 });
writeFileSync(join(home, '.aws', 'config'), config.join('\n'), { mode: 0o600 });
// Files written a moment ago are never cached (their times may still change unseen), so the
// benchmark dates them a minute back, as files a user edited earlier would be.
const earlier = new Date(Date.now() - 60_000);
utimesSync(join(home, '.aws', 'credentials'), earlier, earlier);
utimesSync(join(home, '.aws', 'config'), earlier, earlier);
