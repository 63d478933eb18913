import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import t from 'tap';
import { parseIni, serializeIni } from '../../src/ini/parse.js';
import { buildProfileView, type PropertyMap } from '../../src/ini/view.js';

const SUITE = fileURLToPath(new URL('../../../shared/conformance/smithy-rs/profile-parser-tests.json', import.meta.url));

interface ParserCase {
  name: string;
  input: { configFile?: string; credentialsFile?: string };
  output: { config?: { profiles: Record<string, Record<string, string>>; sso_sessions?: Record<string, Record<string, string>> }; errorContaining?: string };
}

const suite = JSON.parse(readFileSync(SUITE, 'utf8')) as { tests: ParserCase[] };

t.equal(suite.tests.length, 65, 'suite has 65 cases');

suite.tests.forEach((testCase, index) => {
  t.test(`case ${index}: ${testCase.name}`, async (t) => {
    const configText = testCase.input.configFile ?? '';
    const credentialsText = testCase.input.credentialsFile ?? '';
    const config = parseIni(configText, 'config');
    const credentials = parseIni(credentialsText, 'credentials');

    t.equal(serializeIni(config), configText, 'config round-trips byte for byte');
    t.equal(serializeIni(credentials), credentialsText, 'credentials round-trip byte for byte');

    const errors = [...config.diagnostics, ...credentials.diagnostics].filter((d) => d.severity === 'error');
    if (testCase.output.errorContaining !== undefined) {
      t.ok(errors.length > 0, `reports an error like '${testCase.output.errorContaining}'`);
      return;
    }
    t.same(errors, [], 'reports no error');
    const view = buildProfileView(config, credentials);
    t.same(toObject(view.profiles), testCase.output.config?.profiles ?? {}, 'profiles match');
    t.same(toObject(view.ssoSessions), testCase.output.config?.sso_sessions ?? {}, 'sso sessions match');
  });
});

function toObject(table: Map<string, PropertyMap>): Record<string, Record<string, string>> {
  return Object.fromEntries([...table].map(([name, properties]) => [name, Object.fromEntries(properties)]));
}
