import t from 'tap';
import { quoteFish } from '../../src/shell/quote-fish.js';

// [case, input, expected output]
const CASES: Array<[string, string, string]> = [
  ['empty string', '', "''"],
  ['space', ' ', "' '"],
  ['tab', '\t', "'\t'"],
  ['newline', '\n', "'\n'"],
  ['carriage return', '\r', "'\r'"],
  ['single quote', "'", "'\\''"],
  ['double quote', '"', `'"'`],
  ['backtick', '`', "'`'"],
  ['dollar', '$', "'$'"],
  ['backslash', '\\', "'\\\\'"],
  ['exclamation mark', '!', "'!'"],
  ['percent', '%', "'%'"],
  ['caret', '^', "'^'"],
  ['ampersand', '&', "'&'"],
  ['pipe', '|', "'|'"],
  ['semicolon', ';', "';'"],
  ['less than', '<', "'<'"],
  ['greater than', '>', "'>'"],
  ['open paren', '(', "'('"],
  ['close paren', ')', "')'"],
  ['asterisk', '*', "'*'"],
  ['question mark', '?', "'?'"],
  ['open bracket', '[', "'['"],
  ['close bracket', ']', "']'"],
  ['open brace', '{', "'{'"],
  ['close brace', '}', "'}'"],
  ['hash', '#', "'#'"],
  ['tilde', '~', "'~'"],
  ['equals', '=', "'='"],
  ['plus', '+', "'+'"],
  ['slash', '/', "'/'"],
  ['comma', ',', "','"],
  ['hyphen', '-', "'-'"],
  ['period', '.', "'.'"],
  ['colon', ':', "':'"],
  ['at sign', '@', "'@'"],
  ['underscore', '_', "'_'"],
  ['non-ASCII text', 'Grüße 😂 日本', "'Grüße 😂 日本'"],
  ['apostrophe in word', "it's", "'it\\'s'"],
  ['two single quotes', "''", "'\\'\\''"],
  ['backslash before quote', "a\\'b", "'a\\\\\\'b'"],
  ['command substitution', '$(touch x)', "'$(touch x)'"],
  ['history expansion', '!! !-1 !$', "'!! !-1 !$'"],
  ['quote then newline', "'\n'", "'\\'\n\\''"],
  [
    'secret key',
    'wJalrXUtnFEMI/K7MDENG+bPxRfiCYEXAMPLEKEY',
    "'wJalrXUtnFEMI/K7MDENG+bPxRfiCYEXAMPLEKEY'",
  ],
  ['fish command substitution', '(touch x)', "'(touch x)'"],
  ['fish brace expansion', '{a,b}', "'{a,b}'"],
  ['backslash n', '\\n', "'\\\\n'"],
  ['trailing backslash', 'a\\', "'a\\\\'"],
];

const ASCII_PUNCTUATION = [...'!"#$%&\'()*+,-./:;<=>?@[\\]^_`{|}~'];

t.test(quoteFish.name, async (t) => {
  for (const [name, input, expected] of CASES) {
    t.test(name, async (t) => {
      t.equal(quoteFish(input), expected);
    });
  }

  t.test('cases cover ASCII punctuation', async (t) => {
    const inputs = new Set(CASES.map(([, input]) => input));
    for (const character of ASCII_PUNCTUATION) {
      t.ok(inputs.has(character), `case for ${character}`);
    }
  });
});
