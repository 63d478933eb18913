import t from 'tap';
import { formatProfileList } from '../../src/commands/list.js';
import type { ProfileEntry } from '../../src/completion/profile-entries.js';

const ENTRIES: ProfileEntry[] = [
  { name: 'alice', kind: 'base' },
  { name: 'alice-mfasession', kind: 'mfa-session' },
  { name: 'ops', kind: 'role' },
];

t.test(formatProfileList.name, async (t) => {
  t.test('table aligns the kind column', async (t) => {
    t.equal(formatProfileList(ENTRIES, 'table'), 'alice             base\nalice-mfasession  mfa-session\nops               role\n');
  });

  t.test('names prints one name a line', async (t) => {
    t.equal(formatProfileList(ENTRIES, 'names'), 'alice\nalice-mfasession\nops\n');
  });

  t.test('json prints name and kind objects', async (t) => {
    t.same(JSON.parse(formatProfileList(ENTRIES, 'json')), ENTRIES);
  });

  t.test('no profiles', async (t) => {
    t.equal(formatProfileList([], 'table'), '');
    t.equal(formatProfileList([], 'names'), '');
    t.equal(formatProfileList([], 'json'), '[]\n');
  });
});
