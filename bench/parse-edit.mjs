// Time parsing and editing of AWS files with 1,000 profiles.
// Run: node --import tsx bench/parse-edit.mjs [profiles] [iterations]
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { removeProperties, removeSection, setProperties } from '../src/ini/edit.ts';
import { findEditBlockers } from '../src/ini/lint.ts';
import { parseIni, serializeIni } from '../src/ini/parse.ts';
import { buildProfileView } from '../src/ini/view.ts';
import { updateDocuments } from '../src/files/store.ts';

const PROFILES = Number(process.argv[2] ?? 1000);
const ITERATIONS = Number(process.argv[3] ?? 50);

function buildConfig(count) {
  const sections = ['# generated for the benchmark', '[default]', 'region = us-east-1', 'output = json', ''];
  for (let i = 0; i < count; i++) {
    sections.push(`[profile p${i}]`, 'region = eu-west-1', `mfa_serial = arn:aws:iam::123456789012:mfa/user${i}`, 's3 =', '  addressing_style = path', '');
  }
  return sections.join('\n');
}

function buildCredentials(count) {
  const sections = [];
  for (let i = 0; i < count; i++) {
    sections.push(`[p${i}]`, `aws_access_key_id = AKIA${String(i).padStart(16, '0')}`, 'aws_secret_access_key = mockSecretAccessKeyEXAMPLE0000000000000', '');
  }
  return sections.join('\n');
}

/** Median and 95th percentile of `run` in milliseconds, after a warm-up. */
async function measure(run) {
  for (let i = 0; i < 5; i++) {
    await run();
  }
  const times = [];
  for (let i = 0; i < ITERATIONS; i++) {
    const start = process.hrtime.bigint();
    await run();
    times.push(Number(process.hrtime.bigint() - start) / 1e6);
  }
  times.sort((a, b) => a - b);
  return { median: times[Math.floor(times.length / 2)], p95: times[Math.floor(times.length * 0.95)] };
}

const config = buildConfig(PROFILES);
const credentials = buildCredentials(PROFILES);
const configDoc = parseIni(config, 'config');
const credentialsDoc = parseIni(credentials, 'credentials');
const middle = `p${Math.floor(PROFILES / 2)}`;
const folder = mkdtempSync(join(tmpdir(), 'awsmfa-bench-'));
const paths = { config: join(folder, 'config'), credentials: join(folder, 'credentials') };
writeFileSync(paths.config, config, { mode: 0o600 });
writeFileSync(paths.credentials, credentials, { mode: 0o600 });
let counter = 0;

const cases = [
  ['parse config', () => parseIni(config, 'config')],
  ['parse credentials', () => parseIni(credentials, 'credentials')],
  ['merged view of both', () => buildProfileView(configDoc, credentialsDoc)],
  ['safety checks (config)', () => findEditBlockers(configDoc)],
  ['set a key (config)', () => serializeIni(setProperties(configDoc, middle, [['region', 'us-west-2']]))],
  ['add a session section (credentials)', () => serializeIni(setProperties(credentialsDoc, 'new-mfasession', [['aws_access_key_id', 'ASIAEXAMPLE'], ['aws_secret_access_key', 'mockSecret'], ['aws_session_token', 'mockToken'], ['aws_session_expiry', '1700000000'], ['x_security_token_expires', '2023-11-14T22:13:20Z']]))],
  ['remove a key (config)', () => serializeIni(removeProperties(configDoc, middle, ['s3']))],
  ['remove a section (credentials)', () => serializeIni(removeSection(credentialsDoc, middle))],
  ['updateDocuments: lock, read, check, edit, write both files', () => updateDocuments(paths, {
    config: (doc) => setProperties(doc, middle, [['region', `r${counter}`]]),
    credentials: (doc) => setProperties(doc, middle, [['aws_session_expiry', String(counter++)]]),
  })],
];

const rows = [];
for (const [name, run] of cases) {
  rows.push([name, await measure(run)]);
}
rmSync(folder, { recursive: true, force: true });

const width = Math.max(...rows.map(([name]) => name.length));
console.log(`${PROFILES} profiles: config ${(config.length / 1024).toFixed(0)} KiB, credentials ${(credentials.length / 1024).toFixed(0)} KiB; ${ITERATIONS} runs each, Node ${process.version}`);
console.log(`${'operation'.padEnd(width)}  median ms  p95 ms`);
for (const [name, { median, p95 }] of rows) {
  console.log(`${name.padEnd(width)}  ${median.toFixed(2).padStart(9)}  ${p95.toFixed(2).padStart(6)}`);
}
