import t from 'tap';
import { CLEAR_VARIABLES, runClear } from '../../src/commands/clear.js';
import { SESSION_VARIABLES } from '../../src/session/activation.js';

const HOME = '/home/mock';
const CONFIG = '/home/mock/custom/config';
const CREDENTIALS = '/home/mock/custom/credentials';

t.test(runClear.name, async (t) => {
  t.test('removes every session variable', async (t) => {
    const plan = runClear({ all: false }, { HOME }, () => true);
    for (const name of [...SESSION_VARIABLES, 'AWS_SESSION_INIT_TIME', 'AWS_SESSION_DURATION', 'AWS_SECURITY_TOKEN']) {
      t.ok(plan.unset.includes(name), name);
    }
    t.same(plan.set, [], 'sets nothing');
    t.equal(new Set(plan.unset).size, plan.unset.length, 'names each variable once');
  });

  t.test('lists what was set', async (t) => {
    const env = { HOME, AWS_PROFILE: 'dev', AWS_SESSION_TOKEN: 'mockToken', AWS_SESSION_INIT_TIME: '1' };
    const plan = runClear({ all: false }, env, () => true);
    t.match(plan.messages[0], /^awsmfa: removed /);
    for (const name of ['AWS_PROFILE', 'AWS_SESSION_TOKEN', 'AWS_SESSION_INIT_TIME']) {
      t.match(plan.messages[0], name, name);
    }
    t.notMatch(plan.messages[0], 'AWS_REGION', 'variables that were not set are not listed');
  });

  t.test('says so when nothing was set', async (t) => {
    t.same(runClear({ all: false }, { HOME }, () => true).messages, ['awsmfa: no AWS session variables were set']);
  });

  t.test('never shows a value', async (t) => {
    const plan = runClear({ all: false }, { HOME, AWS_SECRET_ACCESS_KEY: 'mockSecretValueEXAMPLE' }, () => true);
    t.notMatch(plan.messages.join('\n'), 'mockSecretValueEXAMPLE');
  });

  t.test('keeps file variables while their files exist', async (t) => {
    const env = { HOME, AWS_CONFIG_FILE: CONFIG, AWS_SHARED_CREDENTIALS_FILE: CREDENTIALS };
    const plan = runClear({ all: false }, env, () => true);
    t.notOk(plan.unset.includes('AWS_CONFIG_FILE'), 'AWS_CONFIG_FILE kept');
    t.notOk(plan.unset.includes('AWS_SHARED_CREDENTIALS_FILE'), 'AWS_SHARED_CREDENTIALS_FILE kept');
    t.match(plan.messages.join('\n'), /kept AWS_CONFIG_FILE, because \/home\/mock\/custom\/config exists/);
    t.match(plan.messages.join('\n'), /clear --all/);
  });

  t.test('removes a file variable whose file is missing', async (t) => {
    const env = { HOME, AWS_CONFIG_FILE: CONFIG, AWS_SHARED_CREDENTIALS_FILE: CREDENTIALS };
    const plan = runClear({ all: false }, env, (path) => path === CREDENTIALS);
    t.ok(plan.unset.includes('AWS_CONFIG_FILE'), 'AWS_CONFIG_FILE removed');
    t.notOk(plan.unset.includes('AWS_SHARED_CREDENTIALS_FILE'), 'AWS_SHARED_CREDENTIALS_FILE kept');
    t.match(plan.messages[0], /removed AWS_CONFIG_FILE/);
  });

  t.test('checks the expanded path', async (t) => {
    const checked: string[] = [];
    runClear({ all: false }, { HOME, AWS_CONFIG_FILE: '~/aws/config' }, (path) => {
      checked.push(path);
      return true;
    });
    t.same(checked, ['/home/mock/aws/config']);
  });

  t.test('--all removes the file variables too', async (t) => {
    const env = { HOME, AWS_CONFIG_FILE: CONFIG, AWS_SHARED_CREDENTIALS_FILE: CREDENTIALS };
    const plan = runClear({ all: true }, env, () => true);
    t.ok(plan.unset.includes('AWS_CONFIG_FILE'));
    t.ok(plan.unset.includes('AWS_SHARED_CREDENTIALS_FILE'));
    t.equal(plan.messages.length, 1, 'nothing is kept');
  });

  t.test('leaves unset file variables alone', async (t) => {
    const plan = runClear({ all: true }, { HOME }, () => false);
    t.notOk(plan.unset.includes('AWS_CONFIG_FILE'));
  });

  t.test('CLEAR_VARIABLES has no duplicates', async (t) => {
    t.equal(new Set(CLEAR_VARIABLES).size, CLEAR_VARIABLES.length);
  });
});
