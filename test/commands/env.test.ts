import t, { type Test } from 'tap';
import { runEnv } from '../../src/commands/env.js';
import { ENV_FORMATS, formatEnvironment, renderDotenv, renderJson } from '../../src/commands/env-format.js';
import type { UseInput } from '../../src/commands/use.js';
import { UnsafeShellValueError } from '../../src/errors.js';
import type { RenderPlan } from '../../src/shell/plan.js';
import { createHome } from '../helpers/home.js';

const NOW_MS = Date.UTC(2030, 0, 1);
const EXPIRY = NOW_MS / 1000 + 8 * 3600;
const SECRET = 'mockSessionSecretEXAMPLE0000000000000000';
const TOKEN = 'mockSessionTokenEXAMPLE//////////wEaDK+mock/TOKEN+value==';

const CONFIG = '[profile dev]\nregion = eu-west-1\noutput = json\n[profile corp]\nsso_session = corp\nregion = us-east-2\n';
const CREDENTIALS = [
  '[dev]',
  'aws_access_key_id = AKIADEVEXAMPLE000001',
  'aws_secret_access_key = mockDevSecretEXAMPLE',
  '[dev-mfasession]',
  'aws_access_key_id = ASIADEVEXAMPLE000001',
  `aws_secret_access_key = ${SECRET}`,
  `aws_session_token = ${TOKEN}`,
  `aws_session_expiry = ${EXPIRY}`,
  '',
].join('\n');

const PLAN: RenderPlan = {
  unset: ['AWS_PROFILE'],
  set: [
    ['AWS_ACCESS_KEY_ID', 'ASIAMOCKEXAMPLE12345'],
    ['AWS_SECRET_ACCESS_KEY', 'wJalrXUtnFEMI/K7MDENG+bPxRfiCYEXAMPLEKEY'],
    ['AWS_REGION', 'eu-west-1'],
  ],
  messages: ['awsmfa: a message'],
};

function setUp(t: Test) {
  const home = createHome({ config: CONFIG, credentials: CREDENTIALS });
  t.teardown(home.remove);
  const deps = {
    env: { HOME: home.home },
    paths: { config: home.config, credentials: home.credentials },
    settings: {},
    now: () => NOW_MS,
    createApi: () => {
      throw new Error('no AWS call is expected');
    },
    prompter: {
      askSecret: async () => {
        throw new Error('no prompt is expected');
      },
      choose: async () => {
        throw new Error('no prompt is expected');
      },
    },
    notify: () => {},
  };
  return { home, deps };
}

function input(profile: string, extra: Partial<UseInput> = {}): UseInput {
  return { profile, noMfa: false, persist: true, exportSecrets: false, ...extra };
}

t.test(formatEnvironment.name, async (t) => {
  t.test('snapshot per format', async (t) => {
    for (const format of ENV_FORMATS) {
      t.matchSnapshot(formatEnvironment(format, PLAN), format);
    }
  });

  t.test('shells get the unsets and no messages', async (t) => {
    const text = formatEnvironment('bash', PLAN);
    t.match(text, /^unset -v AWS_PROFILE\n/);
    t.notMatch(text, 'a message');
  });
});

t.test(renderDotenv.name, async (t) => {
  t.test('single-quotes each value', async (t) => {
    t.equal(renderDotenv([['A', 'x y'], ['B', ''], ['C', '#"`{}']]), "A='x y'\nB=''\nC='#\"`{}'\n");
  });

  t.test('rejects what single quotes cannot hold', async (t) => {
    for (const value of ["it's", 'back\\slash', 'line\nbreak', 'carriage\rreturn', 'a\0b', '$HOME', '${HOME}']) {
      t.throws(() => renderDotenv([['AWS_REGION', value]]), UnsafeShellValueError, JSON.stringify(value));
    }
    t.throws(() => renderDotenv([['AWS_REGION', "it's"]]), { variable: 'AWS_REGION', message: /"'" at position 3/ });
  });

  t.test('rejects invalid names', async (t) => {
    t.throws(() => renderDotenv([['A B', 'x']]), { message: /invalid environment variable name/ });
  });
});

t.test(renderJson.name, async (t) => {
  t.test('encodes any value', async (t) => {
    const variables: Array<[string, string]> = [['A', `it's "q" \\ \n\t\u0001 😂`], ['B', '']];
    t.same(JSON.parse(renderJson(variables)), { A: variables[0]?.[1], B: '' });
  });

  t.test('a name like __proto__ stays a plain key', async (t) => {
    t.equal(renderJson([['__proto__', 'x']]), '{\n  "__proto__": "x"\n}\n');
  });
});

t.test(runEnv.name, async (t) => {
  t.test('exports the keys of a live session', async (t) => {
    const { deps } = setUp(t);
    const result = await runEnv(input('dev'), 'json', deps);
    const variables = JSON.parse(result.text) as Record<string, string>;
    t.equal(variables.AWS_ACCESS_KEY_ID, 'ASIADEVEXAMPLE000001');
    t.equal(variables.AWS_SECRET_ACCESS_KEY, SECRET);
    t.equal(variables.AWS_SESSION_TOKEN, TOKEN);
    t.equal(variables.AWS_REGION, 'eu-west-1');
    t.equal(variables.AWS_DEFAULT_OUTPUT, 'json');
    t.equal(variables.AWS_SESSION_TYPE, 'mfasession');
    t.notOk('AWS_PROFILE' in variables, 'no AWS_PROFILE next to the keys');
    t.equal(result.hasSecrets, true);
  });

  t.test('exports keys even when the settings say not to', async (t) => {
    const { deps } = setUp(t);
    const result = await runEnv(input('dev', { exportSecrets: false }), 'bash', { ...deps, settings: { exportSecrets: false } });
    t.match(result.text, /export AWS_SECRET_ACCESS_KEY=/);
  });

  t.test('selects a profile without keys by name', async (t) => {
    const { deps } = setUp(t);
    const result = await runEnv(input('corp'), 'dotenv', deps);
    t.match(result.text, /^AWS_PROFILE='corp'$/m);
    t.notMatch(result.text, /AWS_SECRET_ACCESS_KEY/);
    t.equal(result.hasSecrets, false);
  });

  t.test('--no-mfa selects the base profile by name', async (t) => {
    const { deps } = setUp(t);
    const result = await runEnv(input('dev', { noMfa: true }), 'fish', deps);
    t.match(result.text, /set -gx AWS_PROFILE 'dev'/);
    t.equal(result.hasSecrets, false);
  });

  t.test('returns messages apart from the text', async (t) => {
    const { deps } = setUp(t);
    const result = await runEnv(input('corp'), 'bash', deps);
    t.ok(result.messages.length > 0, 'the profile kind is explained');
    for (const message of result.messages) {
      t.notOk(result.text.includes(message), 'messages are not in the text');
    }
  });

  t.test('reports an unknown profile', async (t) => {
    const { deps } = setUp(t);
    await t.rejects(runEnv(input('nope'), 'bash', deps), { name: 'ProfileNotFoundError' });
  });
});
