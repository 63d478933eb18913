import t from 'tap';
import { getDefaultSessionName, InvalidRoleSessionNameError, resolveRoleSessionName } from '../../src/session/role-session-name.js';

t.test(resolveRoleSessionName.name, async (t) => {
  t.test('defaults to ROLE-rolesession', async (t) => {
    t.same(resolveRoleSessionName('prod', new Map()), { value: 'prod-rolesession', source: 'the default' });
  });

  t.test('uses role_session_name', async (t) => {
    t.same(resolveRoleSessionName('prod', new Map([['role_session_name', 'alice@example.com']])), { value: 'alice@example.com', source: 'role_session_name' });
  });

  for (const value of ['a', 'has space', 'slash/inside', 'x'.repeat(65), 'colon:inside']) {
    t.test(`throws InvalidRoleSessionNameError for '${value.slice(0, 12)}'`, async (t) => {
      const error = t.throws(() => resolveRoleSessionName('prod', new Map([['role_session_name', value]]))) as InvalidRoleSessionNameError;
      t.type(error, InvalidRoleSessionNameError);
      t.equal(error.value, value);
      t.match(error.hint, 'prod-rolesession');
    });
  }
});

t.test(getDefaultSessionName.name, async (t) => {
  t.equal(getDefaultSessionName('team/prod:admin%1'), 'team-prod-admin-1-rolesession', 'replaces characters AWS rejects');
  const long = getDefaultSessionName('p'.repeat(80));
  t.equal(long.length, 64, 'cuts to 64 characters');
  t.match(long, /^[\w+=,.@-]{2,64}$/, 'matches the AWS pattern');
});
