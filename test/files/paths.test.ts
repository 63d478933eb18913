import { readFileSync } from 'node:fs';
import { homedir } from 'node:os';
import { fileURLToPath } from 'node:url';
import t from 'tap';
import { getAwsFilePaths, getHomeDir, getProfileName } from '../../src/files/paths.js';

const SUITE = fileURLToPath(new URL('../../../shared/conformance/smithy-rs/file-location-tests.json', import.meta.url));

interface LocationCase {
  name: string;
  environment: Record<string, string>;
  platform: 'linux' | 'windows';
  profile?: string;
  configLocation: string;
  credentialsLocation: string;
}

const suite = JSON.parse(readFileSync(SUITE, 'utf8')) as { tests: LocationCase[] };

t.equal(suite.tests.length, 9, 'suite has 9 cases');

for (const [index, testCase] of suite.tests.entries()) {
  t.test(`location case ${index}: ${testCase.name}`, async (t) => {
    const platform = testCase.platform === 'windows' ? 'win32' : 'linux';
    const paths = getAwsFilePaths(testCase.environment, platform);

    t.equal(paths.config, testCase.configLocation, 'config location');
    t.equal(paths.credentials, testCase.credentialsLocation, 'credentials location');
    if (testCase.profile === undefined) {
      t.pass('case does not name a profile');
    } else {
      t.equal(getProfileName(testCase.environment), testCase.profile, 'selected profile');
    }
  });
}

t.test('getHomeDir', async (t) => {
  t.equal(getHomeDir({ HOME: '/h', USERPROFILE: 'C:\\u' }), '/h', 'HOME wins');
  t.equal(getHomeDir({ USERPROFILE: 'C:\\u', HOMEDRIVE: 'D:', HOMEPATH: '\\p' }), 'C:\\u', 'USERPROFILE comes second');
  t.equal(getHomeDir({ HOMEDRIVE: 'D:', HOMEPATH: '\\p' }), 'D:\\p', 'HOMEDRIVE + HOMEPATH comes third');
  t.equal(getHomeDir({ HOMEPATH: '\\p' }), 'C:\\p', 'HOMEDRIVE defaults to C:');
  t.equal(getHomeDir({}), homedir(), 'falls back to the operating system');
  t.equal(getHomeDir({ HOME: '' }), homedir(), 'an empty HOME counts as unset');
});

t.test('getAwsFilePaths expands ~', async (t) => {
  const posix = getAwsFilePaths({ HOME: '/h', AWS_CONFIG_FILE: '~/cfg/config', AWS_SHARED_CREDENTIALS_FILE: '~' }, 'linux');
  t.equal(posix.config, '/h/cfg/config', '~/ means the home directory');
  t.equal(posix.credentials, '/h', 'a lone ~ is the home directory');

  const windows = getAwsFilePaths({ USERPROFILE: 'C:\\u', AWS_CONFIG_FILE: '~\\cfg\\config' }, 'win32');
  t.equal(windows.config, 'C:\\u\\cfg\\config', '~\\ means the home directory on Windows');
  t.equal(getAwsFilePaths({ HOME: '/h', AWS_CONFIG_FILE: '~\\x' }, 'linux').config, '~\\x', '~\\ is a plain name on Linux');
  t.equal(getAwsFilePaths({ HOME: '/h', AWS_CONFIG_FILE: '' }, 'linux').config, '/h/.aws/config', 'an empty AWS_CONFIG_FILE counts as unset');
});
