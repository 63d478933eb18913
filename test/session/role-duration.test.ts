import t from 'tap';
import { UsageError } from '../../src/errors.js';
import { checkRoleMaximum, resolveRoleDuration, RoleDurationTooLongError } from '../../src/session/role-duration.js';

t.test(resolveRoleDuration.name, async (t) => {
  t.test('defaults to 3600 s', async (t) => {
    t.same(resolveRoleDuration(undefined, new Map(), false), { seconds: 3600, source: 'the AssumeRole default' });
  });

  t.test('prefers --duration over duration_seconds and sessmax', async (t) => {
    const properties = new Map([['duration_seconds', '7200'], ['sessmax', '10800']]);
    t.same(resolveRoleDuration(5400, properties, false), { seconds: 5400, source: '--duration' });
    t.same(resolveRoleDuration(undefined, properties, false), { seconds: 7200, source: 'duration_seconds' });
    t.same(resolveRoleDuration(undefined, new Map([['sessmax', '10800']]), false), { seconds: 10800, source: 'sessmax' });
  });

  t.test('accepts the bounds 900 and 43200', async (t) => {
    t.equal(resolveRoleDuration(900, new Map(), false).seconds, 900);
    t.equal(resolveRoleDuration(43200, new Map(), false).seconds, 43200);
  });

  for (const value of [899, 43201, 3600.5, Number.NaN]) {
    t.test(`throws UsageError for --duration ${value}`, async (t) => {
      const error = t.throws(() => resolveRoleDuration(value, new Map(), false)) as UsageError;
      t.type(error, UsageError);
      t.match(error.message, '900 to 43200');
      t.equal(error.exitCode, 2);
    });
  }

  t.test('throws UsageError for a bad duration_seconds', async (t) => {
    const error = t.throws(() => resolveRoleDuration(undefined, new Map([['duration_seconds', '12h']]), false)) as UsageError;
    t.match(error.message, 'duration_seconds');
  });

  t.test('caps a chained session at 3600 s', async (t) => {
    t.same(resolveRoleDuration(7200, new Map(), true), { seconds: 3600, source: '--duration', cappedFrom: 7200 });
    t.same(resolveRoleDuration(1800, new Map(), true), { seconds: 1800, source: '--duration' });
  });

  t.test('rejects 43201 s for a chained session before capping', async (t) => {
    t.throws(() => resolveRoleDuration(43201, new Map(), true), UsageError);
  });
});

t.test(checkRoleMaximum.name, async (t) => {
  t.test('accepts a length within MaxSessionDuration', async (t) => {
    t.doesNotThrow(() => checkRoleMaximum('prod', { seconds: 7200, source: '--duration' }, 7200));
    t.doesNotThrow(() => checkRoleMaximum('prod', { seconds: 43200, source: '--duration' }, undefined));
  });

  t.test('throws RoleDurationTooLongError above MaxSessionDuration', async (t) => {
    const error = t.throws(() => checkRoleMaximum('prod', { seconds: 7200, source: '--duration' }, 3600)) as RoleDurationTooLongError;
    t.type(error, RoleDurationTooLongError);
    t.equal(error.profile, 'prod');
    t.equal(error.seconds, 7200);
    t.equal(error.maximum, 3600);
    t.match(error.hint, '--duration 3600');
    t.equal(error.exitCode, 2);
  });
});
