import t from 'tap';
import { COMMAND_SPEC, type CommandSpec } from '../../src/completion/command-spec.js';
import { completeWords, formatReply, type CompletionReply, type ProfileCandidate } from '../../src/completion/complete.js';

const SPEC: CommandSpec = {
  name: 'awsmfa',
  description: '',
  options: [
    { names: ['--debug', '-d'], description: 'Print debug lines', takesValue: false, value: 'none' },
    { names: ['--version'], description: 'Show version number', takesValue: false, value: 'none' },
  ],
  positionals: [],
  commands: [
    {
      name: 'use',
      description: 'Activate PROFILE',
      options: [
        { names: ['--code'], description: 'The code', takesValue: true, value: 'none' },
        { names: ['--via'], description: 'Caller', takesValue: true, value: 'profile' },
        { names: ['--no-persist'], description: 'Keep it here', takesValue: false, value: 'none' },
      ],
      positionals: [{ name: 'profile', description: 'Profile name', variadic: false, value: 'profile' }],
      commands: [],
    },
    {
      name: 'env',
      description: 'Print variables',
      options: [{ names: ['--format'], description: 'Format', takesValue: true, value: 'choices', choices: ['bash', 'json', 'dotenv'] }],
      positionals: [{ name: 'profile', description: 'Profile name', variadic: false, value: 'profile' }],
      commands: [],
    },
    {
      name: 'exec',
      description: 'Run a command',
      options: [{ names: ['--code'], description: 'The code', takesValue: true, value: 'none' }],
      positionals: [
        { name: 'profile', description: 'Profile name', variadic: false, value: 'profile' },
        { name: 'command', description: 'The command', variadic: true, value: 'command' },
      ],
      commands: [],
    },
    {
      name: 'device',
      description: 'Virtual MFA devices',
      options: [],
      positionals: [],
      commands: [
        {
          name: 'enable',
          description: 'Create a device',
          options: [{ names: ['--qr-file'], description: 'PNG path', takesValue: true, value: 'file' }],
          positionals: [{ name: 'profile', description: 'Profile name', variadic: false, value: 'profile' }],
          commands: [],
        },
      ],
    },
  ],
};

const PROFILES: ProfileCandidate[] = [
  { name: 'alice', kind: 'base' },
  { name: 'alice-mfasession', kind: 'mfa-session' },
  { name: 'a:b@c', kind: 'other' },
  { name: 'bob', kind: 'base' },
];

async function complete(words: string[], spec = SPEC): Promise<CompletionReply> {
  return completeWords(words, spec, async () => PROFILES);
}

function valuesOf(reply: CompletionReply): string[] {
  return reply.kind === 'values' ? reply.candidates.map((candidate) => candidate.value) : [];
}

t.test(completeWords.name, async (t) => {
  t.test('offers commands for an empty line', async (t) => {
    t.same(valuesOf(await complete([''])), ['use', 'env', 'exec', 'device']);
  });

  t.test('filters commands by prefix', async (t) => {
    t.same(valuesOf(await complete(['e'])), ['env', 'exec']);
  });

  t.test('completes a profile after use', async (t) => {
    t.same(valuesOf(await complete(['use', 'al'])), ['alice', 'alice-mfasession']);
  });

  t.test('describes profiles by kind', async (t) => {
    const reply = await complete(['use', 'bo']);
    t.same(reply, { kind: 'values', candidates: [{ value: 'bob', description: 'base' }] });
  });

  t.test('keeps colons and at signs in names', async (t) => {
    t.same(valuesOf(await complete(['use', 'a:'])), ['a:b@c']);
  });

  t.test('offers nothing after the last positional', async (t) => {
    t.same(valuesOf(await complete(['use', 'alice', ''])), []);
  });

  t.test('skips global options before the command', async (t) => {
    t.same(valuesOf(await complete(['-d', 'use', 'b'])), ['bob']);
  });

  t.test('skips the value of an option', async (t) => {
    t.same(valuesOf(await complete(['use', '--code', '123456', 'b'])), ['bob']);
  });

  t.test('offers nothing for a free value', async (t) => {
    t.same(valuesOf(await complete(['use', '--code', ''])), []);
  });

  t.test('completes profile names for --via', async (t) => {
    t.same(valuesOf(await complete(['use', '--via', 'alice-'])), ['alice-mfasession']);
  });

  t.test('completes choices of an option', async (t) => {
    t.same(valuesOf(await complete(['env', 'dev', '--format', ''])), ['bash', 'json', 'dotenv']);
  });

  t.test('completes --option=value forms', async (t) => {
    t.same(valuesOf(await complete(['env', 'dev', '--format=d'])), ['--format=dotenv']);
    t.same(valuesOf(await complete(['use', '--via=b'])), ['--via=bob']);
  });

  t.test('treats --option=value as complete', async (t) => {
    t.same(valuesOf(await complete(['use', '--code=1', 'b'])), ['bob']);
  });

  t.test('offers options with the global ones', async (t) => {
    const names = valuesOf(await complete(['use', '--']));
    t.same(names, ['--code', '--via', '--no-persist', '--debug'], 'command options, then globals without --version');
  });

  t.test('offers short options for a single dash', async (t) => {
    t.same(valuesOf(await complete(['use', '-'])), ['--code', '--via', '--no-persist', '--debug', '-d']);
  });

  t.test('offers --version at the top only', async (t) => {
    t.same(valuesOf(await complete(['--v'])), ['--version']);
  });

  t.test('descends into subcommands', async (t) => {
    t.same(valuesOf(await complete(['device', ''])), ['enable']);
    t.same(valuesOf(await complete(['device', 'enable', 'al'])), ['alice', 'alice-mfasession']);
  });

  t.test('asks for files for a path option', async (t) => {
    t.same(await complete(['device', 'enable', '--qr-file', '']), { kind: 'files' });
  });

  t.test('hands a command line after -- to the shell', async (t) => {
    t.same(await complete(['exec', 'dev', '--', 'aw']), { kind: 'command', start: 3 });
    t.same(await complete(['exec', 'dev', '--', 'aws', 's3', 'l']), { kind: 'command', start: 3 });
  });

  t.test('hands a command line without -- to the shell', async (t) => {
    t.same(await complete(['exec', 'dev', 'aws', '--o']), { kind: 'command', start: 2 });
  });

  t.test('completes the profile of exec', async (t) => {
    t.same(valuesOf(await complete(['exec', 'b'])), ['bob']);
  });

  t.test('reads profiles only when they are needed', async (t) => {
    let reads = 0;
    await completeWords(['e'], SPEC, async () => {
      reads += 1;
      return PROFILES;
    });
    t.equal(reads, 0);
  });

  t.test('treats no words as an empty word', async (t) => {
    t.same(valuesOf(await complete([])), ['use', 'env', 'exec', 'device']);
  });

  t.test('offers nothing after an unknown command', async (t) => {
    t.same(valuesOf(await complete(['nope', ''])), []);
  });

  t.test('committed spec completes use and init', async (t) => {
    t.same(valuesOf(await complete(['use', 'b'], COMMAND_SPEC)), ['bob']);
    t.same(valuesOf(await complete(['init', ''], COMMAND_SPEC)), ['bash', 'zsh', 'sh', 'fish', 'powershell', 'cmd']);
    t.same(valuesOf(await complete(['env', 'x', '--format', 'j'], COMMAND_SPEC)), ['json']);
  });
});

t.test(formatReply.name, async (t) => {
  t.test('values with descriptions', async (t) => {
    const text = formatReply({ kind: 'values', candidates: [{ value: 'alice', description: 'base' }, { value: 'x' }] });
    t.equal(text, 'values\nalice\tbase\nx\n');
  });

  t.test('files and command', async (t) => {
    t.equal(formatReply({ kind: 'files' }), 'files\n');
    t.equal(formatReply({ kind: 'command', start: 2 }), 'command 2\n');
  });

  t.test('drops values with control characters', async (t) => {
    const text = formatReply({ kind: 'values', candidates: [{ value: 'a\nb' }, { value: 'a\tb' }, { value: 'ok' }] });
    t.equal(text, 'values\nok\n');
  });

  t.test('flattens control characters in descriptions', async (t) => {
    const text = formatReply({ kind: 'values', candidates: [{ value: 'a', description: 'one\ttwo\nthree' }] });
    t.equal(text, 'values\na\tone two three\n');
  });

  t.test('no candidates', async (t) => {
    t.equal(formatReply({ kind: 'values', candidates: [] }), 'values\n');
  });
});
