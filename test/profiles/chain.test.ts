import t from 'tap';
import { parseIni } from '../../src/ini/parse.js';
import { buildProfileView, type ProfileView } from '../../src/ini/view.js';
import {
  describeChain,
  getChainProfiles,
  InvalidCredentialSourceError,
  ProfileCycleError,
  resolveRoleChain,
  RoleSourceInvalidError,
  SourceProfileMissingError,
  SourceProfileUnusableError,
  UnsupportedRoleSourceError,
} from '../../src/profiles/chain.js';
import { InvalidRoleArnError } from '../../src/profiles/role-arn.js';

const ARN = 'arn:aws:iam::123456789012:role';
const KEYS = 'aws_access_key_id = AKIAMOCKEXAMPLE00001\naws_secret_access_key = mockSecretEXAMPLE';

function view(config: string, credentials = ''): ProfileView {
  return buildProfileView(parseIni(config, 'config'), parseIni(credentials, 'credentials'));
}

t.test(resolveRoleChain.name, async (t) => {
  t.test('ends at a source profile with keys', async (t) => {
    const chain = resolveRoleChain(view(`[profile a]\nrole_arn = ${ARN}/a\nsource_profile = base\n`, `[base]\n${KEYS}\n`), 'a');
    t.same(chain.roles.map((role) => role.name), ['a']);
    t.equal(chain.roles[0]?.arn.name, 'a');
    t.same(chain.root.kind === 'profile' ? chain.root.name : chain.root.kind, 'base');
  });

  t.test('merges role keys from both files', async (t) => {
    const chain = resolveRoleChain(view(`[profile a]\nrole_arn = ${ARN}/a\n[profile base]\nregion = eu-west-1\n`, `[a]\nsource_profile = base\n[base]\n${KEYS}\n`), 'a');
    t.same(getChainProfiles(chain), ['a', 'base']);
  });

  t.test('follows chained roles to the profile with keys', async (t) => {
    const config = [`[profile c]`, `role_arn = ${ARN}/c`, `source_profile = b`, `[profile b]`, `role_arn = ${ARN}/b`, `source_profile = a`, `[profile a]`, `role_arn = ${ARN}/team/a`, `source_profile = base`].join('\n');
    const chain = resolveRoleChain(view(config, `[base]\n${KEYS}\n`), 'c');
    t.same(getChainProfiles(chain), ['c', 'b', 'a', 'base']);
    t.equal(describeChain(chain), 'c -> b -> a -> base');
    t.equal(chain.roles[2]?.arn.path, 'team');
  });

  t.test('stops at a source with keys even when it has role_arn', async (t) => {
    const config = `[profile a]\nrole_arn = ${ARN}/a\nsource_profile = b\n[profile b]\nrole_arn = ${ARN}/b\nsource_profile = c\n`;
    const chain = resolveRoleChain(view(config, `[b]\n${KEYS}\n[c]\n${KEYS}\n`), 'a');
    t.same(getChainProfiles(chain), ['a', 'b']);
  });

  t.test('uses the keys of a role that names itself', async (t) => {
    const chain = resolveRoleChain(view(`[profile a]\nrole_arn = ${ARN}/a\nsource_profile = a\n`, `[a]\n${KEYS}\n`), 'a');
    t.same(getChainProfiles(chain), ['a']);
    t.equal(chain.root.kind === 'profile' && chain.root.name, 'a');
  });

  t.test('accepts a stored session as the source', async (t) => {
    const chain = resolveRoleChain(view(`[profile a]\nrole_arn = ${ARN}/a\nsource_profile = base-mfasession\n`, `[base-mfasession]\n${KEYS}\naws_session_token = mockToken\n`), 'a');
    t.equal(chain.root.kind === 'profile' && chain.root.name, 'base-mfasession');
  });

  t.test('reads credential_source = Environment', async (t) => {
    const chain = resolveRoleChain(view(`[profile a]\nrole_arn = ${ARN}/a\ncredential_source = Environment\n`), 'a');
    t.equal(chain.root.kind, 'environment');
    t.equal(describeChain(chain), 'a -> the environment');
    t.same(getChainProfiles(chain), ['a']);
  });

  t.test('throws ProfileCycleError when a role names itself without keys', async (t) => {
    const error = t.throws(() => resolveRoleChain(view(`[profile a]\nrole_arn = ${ARN}/a\nsource_profile = a\n`), 'a')) as ProfileCycleError;
    t.type(error, ProfileCycleError);
    t.same(error.chain, ['a', 'a']);
    t.match(error.message, 'a -> a');
  });

  t.test('throws ProfileCycleError when a -> b -> c -> a', async (t) => {
    const config = [`[profile a]`, `role_arn = ${ARN}/a`, `source_profile = b`, `[profile b]`, `role_arn = ${ARN}/b`, `source_profile = c`, `[profile c]`, `role_arn = ${ARN}/c`, `source_profile = a`].join('\n');
    const error = t.throws(() => resolveRoleChain(view(config), 'a')) as ProfileCycleError;
    t.type(error, ProfileCycleError);
    t.same(error.chain, ['a', 'b', 'c', 'a']);
    t.match(error.message, 'a -> b -> c -> a');
  });

  t.test('throws ProfileCycleError when the loop starts past the requested role', async (t) => {
    const config = [`[profile x]`, `role_arn = ${ARN}/x`, `source_profile = a`, `[profile a]`, `role_arn = ${ARN}/a`, `source_profile = b`, `[profile b]`, `role_arn = ${ARN}/b`, `source_profile = a`].join('\n');
    const error = t.throws(() => resolveRoleChain(view(config), 'x')) as ProfileCycleError;
    t.same(error.chain, ['x', 'a', 'b', 'a']);
  });

  t.test('throws ProfileCycleError for a loop back to a role with keys', async (t) => {
    const config = `[profile a]\nrole_arn = ${ARN}/a\nsource_profile = b\n[profile b]\nrole_arn = ${ARN}/b\nsource_profile = a\n`;
    const error = t.throws(() => resolveRoleChain(view(config, `[a]\n${KEYS}\n`), 'a')) as ProfileCycleError;
    t.same(error.chain, ['a', 'b', 'a']);
  });

  t.test('throws SourceProfileMissingError naming the missing profile', async (t) => {
    const error = t.throws(() => resolveRoleChain(view(`[profile a]\nrole_arn = ${ARN}/a\nsource_profile = gone\n`), 'a')) as SourceProfileMissingError;
    t.type(error, SourceProfileMissingError);
    t.equal(error.profile, 'a');
    t.equal(error.source, 'gone');
    t.match(error.message, "'gone'");
  });

  t.test('throws RoleSourceInvalidError without a source', async (t) => {
    const error = t.throws(() => resolveRoleChain(view(`[profile a]\nrole_arn = ${ARN}/a\n`), 'a')) as RoleSourceInvalidError;
    t.type(error, RoleSourceInvalidError);
    t.match(error.message, 'neither source_profile nor credential_source');
  });

  t.test('throws RoleSourceInvalidError with both sources', async (t) => {
    const error = t.throws(() => resolveRoleChain(view(`[profile a]\nrole_arn = ${ARN}/a\nsource_profile = base\ncredential_source = Environment\n`, `[base]\n${KEYS}\n`), 'a'));
    t.type(error, RoleSourceInvalidError);
    t.match((error as Error).message, 'both');
  });

  for (const source of ['Ec2InstanceMetadata', 'EcsContainer']) {
    t.test(`throws UnsupportedRoleSourceError for ${source}`, async (t) => {
      const error = t.throws(() => resolveRoleChain(view(`[profile a]\nrole_arn = ${ARN}/a\ncredential_source = ${source}\n`), 'a')) as UnsupportedRoleSourceError;
      t.type(error, UnsupportedRoleSourceError);
      t.match(error.message, source);
      t.match(error.hint, 'AWS CLI');
    });
  }

  t.test('throws InvalidCredentialSourceError for an unknown value', async (t) => {
    const error = t.throws(() => resolveRoleChain(view(`[profile a]\nrole_arn = ${ARN}/a\ncredential_source = environment\n`), 'a')) as InvalidCredentialSourceError;
    t.type(error, InvalidCredentialSourceError);
    t.equal(error.value, 'environment');
    t.match(error.message, 'Environment, Ec2InstanceMetadata, EcsContainer');
  });

  t.test('throws SourceProfileUnusableError for a source with one key', async (t) => {
    const error = t.throws(() => resolveRoleChain(view(`[profile a]\nrole_arn = ${ARN}/a\nsource_profile = b\n`, `[b]\naws_access_key_id = AKIAMOCKEXAMPLE00001\n`), 'a'));
    t.type(error, SourceProfileUnusableError);
    t.match((error as Error).message, 'only one of');
  });

  t.test('throws SourceProfileUnusableError for an empty source', async (t) => {
    const error = t.throws(() => resolveRoleChain(view(`[profile a]\nrole_arn = ${ARN}/a\nsource_profile = b\n[profile b]\nregion = us-east-1\n`), 'a'));
    t.type(error, SourceProfileUnusableError);
    t.match((error as Error).message, 'no keys and no role_arn');
  });

  t.test('throws UnsupportedRoleSourceError for an SSO source', async (t) => {
    const error = t.throws(() => resolveRoleChain(view(`[profile a]\nrole_arn = ${ARN}/a\nsource_profile = b\n[profile b]\nsso_session = corp\n`), 'a'));
    t.type(error, UnsupportedRoleSourceError);
    t.match((error as Error).message, 'SSO');
  });

  t.test('throws UnsupportedRoleSourceError for a web identity role', async (t) => {
    const error = t.throws(() => resolveRoleChain(view(`[profile a]\nrole_arn = ${ARN}/a\nweb_identity_token_file = /var/token.jwt\n`), 'a'));
    t.type(error, UnsupportedRoleSourceError);
  });

  t.test('throws InvalidRoleArnError naming the role deeper in the chain', async (t) => {
    const config = `[profile a]\nrole_arn = ${ARN}/a\nsource_profile = b\n[profile b]\nrole_arn = arn:aws:iam::123:role/b\nsource_profile = base\n`;
    const error = t.throws(() => resolveRoleChain(view(config, `[base]\n${KEYS}\n`), 'a')) as InvalidRoleArnError;
    t.type(error, InvalidRoleArnError);
    t.equal(error.profile, 'b');
  });
});
