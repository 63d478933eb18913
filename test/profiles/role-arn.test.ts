import t from 'tap';
import { InvalidRoleArnError, parseRoleArn } from '../../src/profiles/role-arn.js';

t.test(parseRoleArn.name, async (t) => {
  t.test('parses a role in each partition', async (t) => {
    for (const partition of ['aws', 'aws-cn', 'aws-us-gov']) {
      const arn = parseRoleArn(`arn:${partition}:iam::123456789012:role/admin`, 'prod');
      t.equal(arn.partition, partition, `partition ${partition}`);
      t.equal(arn.account, '123456789012');
      t.equal(arn.path, '');
      t.equal(arn.name, 'admin');
    }
  });

  t.test('parses a role with a path', async (t) => {
    const arn = parseRoleArn('arn:aws:iam::123456789012:role/team/ops/deploy+bot=1,x.y@z-w', 'prod');
    t.equal(arn.path, 'team/ops');
    t.equal(arn.name, 'deploy+bot=1,x.y@z-w');
  });

  const invalid: Array<[string, string]> = [
    ['empty value', ''],
    ['unknown partition', 'arn:aws-iso:iam::123456789012:role/admin'],
    ['eleven-digit account', 'arn:aws:iam::12345678901:role/admin'],
    ['letters in account', 'arn:aws:iam::12345678901x:role/admin'],
    ['region in an IAM ARN', 'arn:aws:iam:us-east-1:123456789012:role/admin'],
    ['user instead of role', 'arn:aws:iam::123456789012:user/alice'],
    ['sts service', 'arn:aws:sts::123456789012:role/admin'],
    ['missing name', 'arn:aws:iam::123456789012:role/'],
    ['name of 65 characters', `arn:aws:iam::123456789012:role/${'a'.repeat(65)}`],
    ['space in name', 'arn:aws:iam::123456789012:role/my role'],
    ['bare role name', 'admin'],
  ];
  for (const [label, value] of invalid) {
    t.test(`throws InvalidRoleArnError for ${label}`, async (t) => {
      const error = t.throws(() => parseRoleArn(value, 'prod')) as InvalidRoleArnError;
      t.type(error, InvalidRoleArnError);
      t.equal(error.profile, 'prod');
      t.equal(error.value, value);
      t.match(error.message, "'prod'", 'message names the profile');
      t.match(error.hint, 'aws-us-gov', 'hint lists the partitions');
    });
  }
});
