import t from 'tap';
import { UnsafeShellValueError } from '../../src/errors.js';
import { describeCharacter, findUnsafeCmdCharacter, quoteCmd } from '../../src/shell/quote-cmd.js';

// [case, input] for values that quoteCmd returns unchanged.
const ACCEPTED: Array<[string, string]> = [
  ['empty string', ''],
  ['space', ' '],
  ['backslash', '\\'],
  ['tilde', '~'],
  ['equals', '='],
  ['plus', '+'],
  ['slash', '/'],
  ['comma', ','],
  ['hyphen', '-'],
  ['period', '.'],
  ['colon', ':'],
  ['at sign', '@'],
  ['underscore', '_'],
  ['letters and digits', 'ASIAEXAMPLE0123456789az'],
  ['secret key', 'wJalrXUtnFEMI/K7MDENG+bPxRfiCYEXAMPLEKEY'],
  ['session token', 'FwoGZXIvYXdzEXAMPLE//////////wEaDK+mock/TOKEN+value=='],
  ['windows path', 'C:\\Users\\mock\\.aws\\config'],
  ['role ARN', 'arn:aws:iam::123456789012:role/mock-admin'],
  ['timestamp', '2030-01-02T03:04:05+00:00'],
];

// [case, input, character as the message names it, fragment of the reason]
const REJECTED: Array<[string, string, string, string]> = [
  ['tab', '\t', 'U+0009', 'control characters'],
  ['newline', '\n', 'U+000A', 'line break would start a new command'],
  ['carriage return', '\r', 'U+000D', 'line break'],
  ['delete', '\x7f', 'U+007F', 'control characters'],
  ['single quote', "'", `"'"`, 'passes only letters'],
  ['double quote', '"', `'"'`, 'ends the quoted'],
  ['backtick', '`', "'`'", 'passes only letters'],
  ['dollar', '$', "'$'", 'passes only letters'],
  ['exclamation mark', '!', "'!'", 'delayed expansion'],
  ['percent', '%', "'%'", 'variable reference'],
  ['caret', '^', "'^'", 'escape character'],
  ['ampersand', '&', "'&'", 'second command'],
  ['pipe', '|', "'|'", 'pipe'],
  ['semicolon', ';', "';'", 'passes only letters'],
  ['less than', '<', "'<'", 'redirect input'],
  ['greater than', '>', "'>'", 'redirect output'],
  ['open paren', '(', "'('", 'blocks'],
  ['close paren', ')', "')'", 'blocks'],
  ['asterisk', '*', "'*'", 'passes only letters'],
  ['question mark', '?', "'?'", 'passes only letters'],
  ['open bracket', '[', "'['", 'passes only letters'],
  ['close bracket', ']', "']'", 'passes only letters'],
  ['open brace', '{', "'{'", 'passes only letters'],
  ['close brace', '}', "'}'", 'passes only letters'],
  ['hash', '#', "'#'", 'passes only letters'],
  ['non-ASCII text', 'Grüße 😂 日本', 'U+00FC', 'code page'],
  ['emoji', '😂', 'U+1F602', 'code page'],
  ['no-break space', '\u00a0', 'U+00A0', 'code page'],
  ['percent variable', 'a%PATH%', "'%'", 'variable reference'],
  ['command after ampersand', 'x&calc', "'&'", 'second command'],
];

const ASCII_PUNCTUATION = [...'!"#$%&\'()*+,-./:;<=>?@[\\]^_`{|}~'];

t.test(quoteCmd.name, async (t) => {
  for (const [name, input] of ACCEPTED) {
    t.test(name, async (t) => {
      t.equal(quoteCmd(input, 'AWS_MOCK'), input);
    });
  }

  for (const [name, input, character, reason] of REJECTED) {
    t.test(name, async (t) => {
      const error = catchError(() => quoteCmd(input, 'AWS_MOCK'));
      t.type(error, UnsafeShellValueError);
      if (!(error instanceof UnsafeShellValueError)) {
        return;
      }
      t.equal(error.shell, 'cmd');
      t.equal(error.variable, 'AWS_MOCK');
      t.match(error.message, 'cannot set AWS_MOCK in cmd');
      t.match(error.message, `contains ${character} at position`);
      t.match(error.message, reason);
      t.match(error.hint, '--format powershell');
      t.match(error.hint, '--persist');
    });
  }

  t.test('cases cover ASCII punctuation', async (t) => {
    const inputs = new Set([...ACCEPTED, ...REJECTED].map(([, input]) => input));
    for (const character of ASCII_PUNCTUATION) {
      t.ok(inputs.has(character), `case for ${character}`);
    }
  });

  t.test('error leaves out the value', async (t) => {
    const error = catchError(() => quoteCmd('mockSecret%value', 'AWS_SECRET_ACCESS_KEY'));
    t.type(error, UnsafeShellValueError);
    t.notMatch(String(error), 'mockSecret');
  });
});

t.test(findUnsafeCmdCharacter.name, async (t) => {
  t.test('safe text', async (t) => {
    t.equal(findUnsafeCmdCharacter('mock-profile_1.2'), undefined);
  });

  t.test('first unsafe character', async (t) => {
    const unsafe = findUnsafeCmdCharacter('ab&c|d');
    t.equal(unsafe?.character, '&');
    t.equal(unsafe?.position, 3);
  });

  t.test('position counts code points', async (t) => {
    const unsafe = findUnsafeCmdCharacter('😂a%');
    t.equal(unsafe?.character, '😂');
    t.equal(unsafe?.position, 1);
    t.equal(findUnsafeCmdCharacter('a b%')?.position, 4);
  });
});

t.test(describeCharacter.name, async (t) => {
  t.equal(describeCharacter('%'), "'%'");
  t.equal(describeCharacter(' '), "' '");
  t.equal(describeCharacter("'"), `"'"`);
  t.equal(describeCharacter('\n'), 'U+000A');
  t.equal(describeCharacter('\x7f'), 'U+007F');
  t.equal(describeCharacter('é'), 'U+00E9');
  t.equal(describeCharacter('😂'), 'U+1F602');
});

function catchError(run: () => unknown): unknown {
  try {
    run();
  } catch (error) {
    return error;
  }
  return undefined;
}
