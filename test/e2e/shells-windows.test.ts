// PowerShell and cmd are not installed here (no pwsh, no Windows), so their wrappers and the
// code the program prints for them are checked by snapshots and by explicit rules instead of
// being run.
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import t, { type Test } from 'tap';
import { buildEnv, PROJECT_ROOT, runAwsmfa } from '../helpers/cli.js';
import { createHome } from '../helpers/home.js';

const POWERSHELL_WRAPPER = readFileSync(join(PROJECT_ROOT, 'shell', 'awsmfa.ps1'), 'utf8');
const CMD_WRAPPER = readFileSync(join(PROJECT_ROOT, 'shell', 'awsmfa.cmd'), 'utf8');
const ENDPOINT = 'http://127.0.0.1:9';

const CONFIG = '[default]\nregion = us-west-2\n[profile alice]\nregion = eu-west-1\noutput = json\n[profile corp]\nsso_session = corp\n';
const CREDENTIALS = '[alice]\naws_access_key_id = AKIAMOCKEXAMPLE00001\naws_secret_access_key = mockAliceSecretEXAMPLE\n';

function setUp(t: Test, extra: NodeJS.ProcessEnv = {}): { env: NodeJS.ProcessEnv; home: string } {
  const home = createHome({ config: CONFIG, credentials: CREDENTIALS });
  t.teardown(home.remove);
  return { env: buildEnv(home.home, ENDPOINT, extra), home: home.home };
}

t.test('powershell wrapper', async (t) => {
  t.test('snapshot', async (t) => {
    t.matchSnapshot(POWERSHELL_WRAPPER);
  });

  t.test('calls the program, never itself', async (t) => {
    t.match(POWERSHELL_WRAPPER, /Get-Command -Name awsmfa -CommandType Application/);
    t.match(POWERSHELL_WRAPPER, /& \$__awsmfaProgram @args/);
  });

  t.test('evaluates only after status 0', async (t) => {
    t.match(POWERSHELL_WRAPPER, /\$__awsmfaStatus = \$LASTEXITCODE/);
    t.match(POWERSHELL_WRAPPER, /if \(\$__awsmfaStatus -eq 0 -and \$null -ne \$__awsmfaCode\) \{\n\s+Invoke-Expression/);
    t.equal(POWERSHELL_WRAPPER.match(/Invoke-Expression \(/g)?.length, 1, 'one place evaluates code');
    t.match(POWERSHELL_WRAPPER, /\$global:LASTEXITCODE = \$__awsmfaStatus/, 'the status stays visible');
  });

  t.test('announces itself and restores the variable', async (t) => {
    t.match(POWERSHELL_WRAPPER, /\$env:AWSMFA_WRAPPER = 'powershell'/);
    t.match(POWERSHELL_WRAPPER, /finally \{\n\s+\$env:AWSMFA_WRAPPER = \$__awsmfaWrapper/);
  });

  t.test('runs exec without evaluating its output', async (t) => {
    t.match(POWERSHELL_WRAPPER, /if \(\$__awsmfaCommand -eq 'exec'\) \{[^}]*& \$__awsmfaProgram @args\n\s+return/);
  });

  t.test('writes no temporary file', async (t) => {
    t.notMatch(POWERSHELL_WRAPPER, /TEMP|Out-File|Set-Content|New-TemporaryFile|>\s*\$/);
  });

  t.test('init appends the completion', async (t) => {
    const { env } = setUp(t);
    const result = runAwsmfa(['init', 'powershell'], env);
    t.equal(result.status, 0, result.stderr);
    t.ok(result.stdout.startsWith(POWERSHELL_WRAPPER), 'the wrapper first');
    t.match(result.stdout, /Register-ArgumentCompleter -Native -CommandName awsmfa/, 'then the completion');
  });
});

t.test('cmd wrapper', async (t) => {
  t.test('snapshot', async (t) => {
    t.matchSnapshot(CMD_WRAPPER);
  });

  const lines = CMD_WRAPPER.split('\n').filter((line) => line !== '');

  t.test('every line is silent', async (t) => {
    for (const line of lines) {
      t.match(line, /^@/, line);
    }
    t.notMatch(CMD_WRAPPER, /echo off/i, 'leaves echo as it was');
  });

  t.test('defines one doskey macro that reads output with for /f', async (t) => {
    const macros = lines.filter((line) => line.startsWith('@doskey '));
    t.equal(macros.length, 1);
    t.equal(
      macros[0],
      '@doskey awsmfa=set "AWSMFA_WRAPPER=cmd" $T for /f "delims=" %%L in (\'awsmfa $*\') do @%%L $T set "AWSMFA_WRAPPER="',
    );
  });

  t.test('stages nothing in a temporary file', async (t) => {
    const code = lines.filter((line) => !line.startsWith('@rem'));
    t.notMatch(code.join('\n'), /%TEMP%|%TMP%|>|type /i);
  });

  t.test('init prints the wrapper alone', async (t) => {
    const { env } = setUp(t);
    const result = runAwsmfa(['init', 'cmd'], env);
    t.equal(result.status, 0, result.stderr);
    t.equal(result.stdout, CMD_WRAPPER);
  });
});

t.test('program output for powershell', async (t) => {
  t.test('use selects by reference', async (t) => {
    const { env } = setUp(t, { AWSMFA_WRAPPER: 'powershell' });
    const result = runAwsmfa(['use', 'alice', '--no-mfa'], env);
    t.equal(result.status, 0, result.stderr);
    t.matchSnapshot(result.stdout);
    t.match(result.stdout, /^\$Env:AWS_PROFILE = 'alice'$/m);
    t.match(result.stdout, /^Remove-Item Env:AWS_SECRET_ACCESS_KEY -ErrorAction SilentlyContinue$/m);
  });

  t.test('clear removes each variable', async (t) => {
    const { env } = setUp(t, { AWSMFA_WRAPPER: 'powershell', AWS_PROFILE: 'alice' });
    const result = runAwsmfa(['clear'], env);
    t.equal(result.status, 0, result.stderr);
    t.matchSnapshot(result.stdout);
    t.match(result.stdout, /^Remove-Item Env:AWS_PROFILE -ErrorAction SilentlyContinue$/m);
    t.match(result.stdout, /\[Console\]::Error\.WriteLine\('awsmfa: removed AWS_PROFILE'\)/);
  });

  t.test('list writes one string per line', async (t) => {
    const { env } = setUp(t, { AWSMFA_WRAPPER: 'powershell' });
    const result = runAwsmfa(['list'], env);
    t.equal(result.status, 0, result.stderr);
    t.equal(result.stdout, "Write-Output 'alice    base'\nWrite-Output 'corp     sso'\nWrite-Output 'default  other'\n");
  });

  t.test('env warns only on a console', async (t) => {
    const { env } = setUp(t, { AWSMFA_WRAPPER: 'powershell' });
    const result = runAwsmfa(['env', 'corp', '--format', 'json'], env);
    t.equal(result.status, 0, result.stderr);
    t.notMatch(result.stdout, /IsOutputRedirected/, 'no warning without keys');
    t.match(result.stdout, /^Write-Output '  "AWS_PROFILE": "corp",'$/m);
  });
});

t.test('program output for cmd', async (t) => {
  t.test('use sets each variable', async (t) => {
    const { env } = setUp(t, { AWSMFA_WRAPPER: 'cmd' });
    const result = runAwsmfa(['use', 'alice', '--no-mfa'], env);
    t.equal(result.status, 0, result.stderr);
    t.matchSnapshot(result.stdout);
    for (const line of result.stdout.trimEnd().split('\n')) {
      t.match(line, /^(set "[A-Z_]+=[^"%!^&|<>()]*"|echo .* 1>&2)$/, line);
    }
  });

  t.test('clear empties each variable', async (t) => {
    const { env } = setUp(t, { AWSMFA_WRAPPER: 'cmd', AWS_PROFILE: 'alice' });
    const result = runAwsmfa(['clear'], env);
    t.equal(result.status, 0, result.stderr);
    t.match(result.stdout, /^set "AWS_PROFILE="$/m);
    t.match(result.stdout, /^set "AWS_SECURITY_TOKEN="$/m);
  });

  t.test('list echoes each line', async (t) => {
    const { env } = setUp(t, { AWSMFA_WRAPPER: 'cmd' });
    const result = runAwsmfa(['list', '--names'], env);
    t.equal(result.status, 0, result.stderr);
    t.equal(result.stdout, 'echo(alice\necho(corp\necho(default\n');
  });

  t.test('data that cmd cannot print fails with nothing on stdout', async (t) => {
    const { env } = setUp(t, { AWSMFA_WRAPPER: 'cmd' });
    const result = runAwsmfa(['env', 'corp', '--format', 'json'], env);
    t.equal(result.status, 1);
    t.equal(result.stdout, '', 'nothing for the macro to run');
    t.match(result.stderr, /cannot print line 1 through the cmd macro/);
    t.match(result.stderr, /awsmfa\.cmd/, 'the hint names the way around the macro');
  });

  t.test('exec sends the command output to stderr', async (t) => {
    const { env, home } = setUp(t, { AWSMFA_WRAPPER: 'cmd' });
    const canary = join(home, 'canary');
    const result = runAwsmfa(['exec', 'alice', '--no-mfa', '--', 'sh', '-c', `echo "type nul > ${canary}"`], env);
    t.equal(result.status, 0, result.stderr);
    t.equal(result.stdout, '', 'stdout stays empty for the macro');
    t.match(result.stderr, `type nul > ${canary}`, 'the output is on stderr');
    t.notOk(existsSync(canary));
  });
});

t.test('direct calls name the install steps', async (t) => {
  t.test('powershell', async (t) => {
    const { env } = setUp(t, { SHELL: 'pwsh' });
    const result = runAwsmfa(['use', 'alice', '--no-mfa'], env);
    t.match(result.stderr, 'awsmfa init powershell | Out-String | Invoke-Expression');
    t.match(result.stdout, /^\$Env:AWS_PROFILE = 'alice'$/m, 'stdout is PowerShell code');
  });

  t.test('cmd', async (t) => {
    const { env } = setUp(t, { SHELL: 'cmd' });
    const result = runAwsmfa(['clear'], env);
    t.match(result.stderr, 'install the doskey macro');
    t.match(result.stderr, 'awsmfa init cmd > "%USERPROFILE%\\awsmfa-init.cmd"');
    t.match(result.stderr, /AutoRun/);
  });
});
