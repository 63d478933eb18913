// Run awsmfa's main job against a local moto_server: no AWS account and no network needed.
// It starts moto on 127.0.0.1, creates an IAM user with keys and a virtual MFA device, writes
// a throw-away HOME, and then drives a real bash through the shell function.
import { spawnSync } from 'node:child_process';
import { buildEnv } from '../test/helpers/cli.js';
import { createHome, keySection } from '../test/helpers/home.js';
import { createUser, startMoto } from '../test/helpers/moto.js';

const SCRIPT = `
set -u
eval "$(awsmfa init bash)"
step() { printf '\\n\\033[1m$ %s\\033[0m\\n' "$*" >&2; }

step 'awsmfa use demo --code 123456'
awsmfa use demo --code 123456
step 'env | grep ^AWS_   (what the shell now has)'
env | grep -E '^AWS_(PROFILE|DEFAULT_PROFILE|REGION|SESSION_TYPE|SESSION_EXPIRATION|PROFILE_IDENT)=' | sort >&2
step 'aws sts get-caller-identity   (the AWS CLI uses the session profile)'
aws sts get-caller-identity --output text >&2
step 'awsmfa use demo   (again: the live session is reused, no code asked)'
awsmfa use demo </dev/null
printf 'AWS_PROFILE=%s\\n' "$AWS_PROFILE" >&2
step 'cat ~/.aws/credentials   (secret values hidden here for display)'
sed -E 's/(secret_access_key|session_token) = .*/\\1 = (hidden)/' ~/.aws/credentials >&2
step 'awsmfa use demo --export-secrets   (keys in the environment too, for tools that need them)'
awsmfa use demo --export-secrets
printf 'AWS_ACCESS_KEY_ID=%s…  AWS_PROFILE=%s\\n' "\${AWS_ACCESS_KEY_ID:0:8}" "\${AWS_PROFILE:-(unset)}" >&2
`;

const moto = await startMoto();
try {
  const user = await createUser(moto.endpoint, 'demo');
  const home = createHome({
    config: `[profile demo]\nregion = eu-west-1\noutput = json\nmfa_serial = ${user.mfaSerial}\n`,
    credentials: `# long-term keys of the demo user\n${keySection('demo', user)}`,
  });
  process.stderr.write(`moto_server at ${moto.endpoint} (pid ${moto.pid}); HOME=${home.home}\n`);
  const result = spawnSync('bash', ['--noprofile', '--norc', '-c', SCRIPT], { env: buildEnv(home.home, moto.endpoint), stdio: 'inherit' });
  home.remove();
  process.exitCode = result.status ?? 1;
} finally {
  await moto.stop();
}
