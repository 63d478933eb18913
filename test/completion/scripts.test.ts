import { spawnSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import t from 'tap';
import { readCompletionScript } from '../../src/completion/scripts.js';
import { PROJECT_ROOT } from '../helpers/cli.js';

const COMPLETIONS = join(PROJECT_ROOT, 'completions');

function hasCommand(command: string, args: string[]): boolean {
  return spawnSync(command, args).status === 0;
}

/** Read a completion script without its comment lines. */
function readCode(file: string): string {
  const lines = readFileSync(join(COMPLETIONS, file), 'utf8').split('\n');
  return lines.filter((line) => !line.trimStart().startsWith('#')).join('\n');
}

function run(command: string, args: string[]): { status: number | null; stdout: string; stderr: string } {
  const result = spawnSync(command, args, { encoding: 'utf8', env: { PATH: process.env.PATH, LANG: 'C.UTF-8' } });
  return { status: result.status, stdout: result.stdout, stderr: result.stderr };
}

t.test(readCompletionScript.name, async (t) => {
  t.test('has a script for bash, zsh, fish and powershell', async (t) => {
    t.equal(readCompletionScript('bash'), readFileSync(join(COMPLETIONS, 'awsmfa.bash'), 'utf8'));
    t.equal(readCompletionScript('zsh'), readFileSync(join(COMPLETIONS, '_awsmfa'), 'utf8'));
    t.equal(readCompletionScript('fish'), readFileSync(join(COMPLETIONS, 'awsmfa.fish'), 'utf8'));
    t.equal(readCompletionScript('powershell'), readFileSync(join(COMPLETIONS, 'awsmfa.ps1'), 'utf8'));
  });

  t.test('has none for sh and cmd', async (t) => {
    t.equal(readCompletionScript('sh'), undefined);
    t.equal(readCompletionScript('cmd'), undefined);
  });
});

t.test('completion scripts', async (t) => {
  t.test('bash passes shellcheck', async (t) => {
    // A missing tool fails the run instead of skipping the test.
    if (!t.ok(hasCommand('shellcheck', ['--version']), 'required: shellcheck must be installed')) {
      return;
    }
    const result = run('shellcheck', ['--shell=bash', join(COMPLETIONS, 'awsmfa.bash')]);
    t.equal(result.status, 0, result.stdout);
  });

  t.test('bash sources cleanly twice', async (t) => {
    const file = join(COMPLETIONS, 'awsmfa.bash');
    const result = run('bash', ['--noprofile', '--norc', '-eu', '-c', `. ${file}; . ${file}; complete -p awsmfa`]);
    t.equal(result.status, 0, result.stderr);
    t.equal(result.stdout, 'complete -F __awsmfa_complete awsmfa\n', 'one completion is registered');
    t.equal(result.stderr, '');
  });

  t.test('zsh sources cleanly from fpath and by eval', async (t) => {
    // A missing tool fails the run instead of skipping the test.
    if (!t.ok(hasCommand('zsh', ['-fc', 'exit']), 'required: zsh must be installed')) {
      return;
    }
    const script = [
      `fpath=(${COMPLETIONS} $fpath)`,
      'autoload -Uz compinit && compinit -u -D',
      'print -r -- "autoload: ${_comps[awsmfa]}"',
      `eval "$(<${join(COMPLETIONS, '_awsmfa')})"`,
      'print -r -- "eval: ${_comps[awsmfa]}"',
    ].join('\n');
    const result = run('zsh', ['-f', '-c', script]);
    t.equal(result.status, 0, result.stderr);
    t.equal(result.stdout, 'autoload: _awsmfa\neval: __awsmfa_complete\n');
    t.equal(result.stderr, '');
  });

  t.test('zsh file before compinit does nothing', async (t) => {
    // A missing tool fails the run instead of skipping the test.
    if (!t.ok(hasCommand('zsh', ['-fc', 'exit']), 'required: zsh must be installed')) {
      return;
    }
    const result = run('zsh', ['-f', '-c', `eval "$(<${join(COMPLETIONS, '_awsmfa')})"`]);
    t.equal(result.status, 0, result.stderr);
    t.equal(result.stderr, '', 'no compdef error');
  });

  t.test('fish sources cleanly twice', async (t) => {
    // A missing tool fails the run instead of skipping the test.
    if (!t.ok(hasCommand('fish', ['-c', 'exit']), 'required: fish must be installed')) {
      return;
    }
    const file = join(COMPLETIONS, 'awsmfa.fish');
    const result = run('fish', ['--no-config', '-c', `source ${file}; source ${file}; complete -c awsmfa`]);
    t.equal(result.status, 0, result.stderr);
    t.equal(result.stdout, "complete --no-files awsmfa -a '(__awsmfa_complete)'\n", 'one completion is registered');
    t.equal(result.stderr, '');
  });

  // No pwsh is installed here, so the PowerShell script is checked by snapshot and by rules.
  t.test('powershell snapshot', async (t) => {
    t.matchSnapshot(readFileSync(join(COMPLETIONS, 'awsmfa.ps1'), 'utf8'));
  });

  t.test('powershell rules', async (t) => {
    const script = readFileSync(join(COMPLETIONS, 'awsmfa.ps1'), 'utf8');
    t.match(script, /Register-ArgumentCompleter -Native -CommandName awsmfa/, 'a native completer also serves the function');
    t.match(script, /\$words \| & \$program __complete/, 'words go to the program on stdin');
    t.match(script, /-CommandType Application/, 'the program is called, not the wrapper function');
    t.notMatch(script, /Invoke-Expression|iex /, 'candidates are never evaluated');
    t.match(script, /\$reply\[0\] -ne 'values'/, 'files and command replies fall back to path completion');
    t.match(script, /\.Replace\("'", "''"\)/, 'candidates that need quotes are single-quoted');
  });

  t.test('scripts never evaluate candidates', async (t) => {
    const bash = readCode('awsmfa.bash');
    const zsh = readCode('_awsmfa');
    const fish = readCode('awsmfa.fish');
    t.notMatch(bash, /\beval\b|compgen -W/, 'bash: no eval, no compgen -W (it expands its word list)');
    t.notMatch(zsh, /\beval\b/, 'zsh: no eval');
    t.notMatch(fish, /\beval\b/, 'fish: no eval');
  });
});
