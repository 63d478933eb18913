import t from 'tap';
import { removeSection, setProperties } from '../../src/ini/edit.js';
import { parseIni, serializeIni } from '../../src/ini/parse.js';
import { buildProfileView } from '../../src/ini/view.js';

const NAMES = ['__proto__', 'constructor', 'prototype', 'hasOwnProperty', 'toString', 'valueOf', 'team.dev', 'org/team', 'me@corp', 'a:b+c%d', 'default-1'];

t.test('profile names that are Object members', async (t) => {
  let config = parseIni('', 'config');
  let credentials = parseIni('', 'credentials');
  for (const name of NAMES) {
    config = setProperties(config, name, [['region', `region-of-${name}`]]);
    credentials = setProperties(credentials, name, [['aws_access_key_id', `AKIA${name.length}`]]);
  }
  const view = buildProfileView(config, credentials);

  t.same([...view.profiles.keys()], NAMES, 'every name is a profile, in file order');
  for (const name of NAMES) {
    t.equal(view.profiles.get(name)?.get('region'), `region-of-${name}`, `${name} keeps its region`);
    t.equal(view.profiles.get(name)?.get('aws_access_key_id'), `AKIA${name.length}`, `${name} keeps its key from credentials`);
  }
  t.equal(({} as Record<string, unknown>).region, undefined, 'Object.prototype is untouched');
  t.equal(Object.getPrototypeOf({}), Object.prototype, 'the prototype chain is untouched');
});

t.test('headers written for special names', async (t) => {
  const config = serializeIni(setProperties(parseIni('', 'config'), '__proto__', [['region', 'x']]));
  const credentials = serializeIni(setProperties(parseIni('', 'credentials'), 'org/team', [['k', 'v']]));
  t.equal(config, '[profile __proto__]\nregion = x\n', 'config header');
  t.equal(credentials, '[org/team]\nk = v\n', 'credentials header');
});

t.test('property keys that are Object members', async (t) => {
  const view = buildProfileView(parseIni('[default]\n__proto__ = a\nconstructor = b\ntoString = c\n', 'config'), parseIni('', 'credentials'));
  const profile = view.profiles.get('default');
  t.equal(profile?.get('__proto__'), 'a', '__proto__ is a key');
  t.equal(profile?.get('constructor'), 'b', 'constructor is a key');
  t.equal(profile?.get('tostring'), 'c', 'keys are lower-cased');
});

t.test('removeSection of a special name', async (t) => {
  const doc = parseIni('[profile constructor]\nk = v\n\n[profile __proto__]\nk = v\n', 'config');
  t.equal(serializeIni(removeSection(doc, '__proto__')), '[profile constructor]\nk = v\n', 'removes only that section');
});
