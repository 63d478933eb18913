import t from 'tap';
import { parseIni } from '../../src/ini/parse.js';
import { buildProfileView } from '../../src/ini/view.js';
import { describeProfile } from '../../src/profiles/catalog.js';
import { getSessionLineage, resolveOutput } from '../../src/profiles/inherited.js';

const ARN = 'arn:aws:iam::123456789012:role';
const CONFIG = [
  '[default]',
  'output = table',
  '[profile outer]',
  `role_arn = ${ARN}/outer`,
  'source_profile = inner',
  '[profile inner]',
  `role_arn = ${ARN}/inner`,
  'source_profile = base',
  'output = yaml',
  '[profile base]',
  'region = eu-west-1',
  '[profile loop]',
  `role_arn = ${ARN}/loop`,
  'source_profile = loop',
].join('\n');
const CREDENTIALS = '[base]\naws_access_key_id = AKIAMOCKEXAMPLE00001\naws_secret_access_key = mockSecret\n';
const view = buildProfileView(parseIni(CONFIG, 'config'), parseIni(CREDENTIALS, 'credentials'));

t.test(getSessionLineage.name, async (t) => {
  t.test('follows a role session through its source chain', async (t) => {
    const session = describeProfile(view, 'outer-rolesession', new Map());
    t.same(getSessionLineage(view, session), ['outer-rolesession', 'outer', 'inner', 'base']);
  });

  t.test('returns the base profile for an MFA session', async (t) => {
    const session = describeProfile(view, 'base-mfasession', new Map());
    t.same(getSessionLineage(view, session), ['base-mfasession', 'base']);
  });

  t.test('keeps only the role when its chain is broken', async (t) => {
    const session = describeProfile(view, 'loop-rolesession', new Map());
    t.same(getSessionLineage(view, session), ['loop-rolesession', 'loop']);
  });
});

t.test(resolveOutput.name, async (t) => {
  t.equal(resolveOutput(view, ['outer', 'inner', 'base']), 'yaml', 'nearest source wins');
  t.equal(resolveOutput(view, ['base']), 'table', 'falls back to [default]');
  t.equal(resolveOutput(buildProfileView(parseIni('', 'config'), parseIni('', 'credentials')), ['x']), undefined, 'none anywhere');
});
