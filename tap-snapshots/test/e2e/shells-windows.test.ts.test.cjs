/* IMPORTANT
 * This snapshot file is auto-generated, but designed for humans.
 * It should be checked into source control and tracked carefully.
 * Re-generate by setting TAP_SNAPSHOT=1 and running tests.
 * Make sure to inspect the output below.  Do not ignore changes!
 */
'use strict'
exports[`test/e2e/shells-windows.test.ts > TAP > cmd wrapper > snapshot > must match snapshot 1`] = `
@rem awsmfa for cmd: defines the doskey macro awsmfa, which runs the awsmfa program with
@rem AWSMFA_WRAPPER=cmd and runs each line that it prints as a cmd command.
@rem Install: awsmfa init cmd > "%USERPROFILE%\\awsmfa-init.cmd", then run that file in every cmd
@rem window, for example from the AutoRun value of HKCU\\Software\\Microsoft\\Command Processor.
@rem Running it twice defines the same macro again; it prints nothing, and it leaves echo as it was.
@rem
@rem How it works: for /f reads the program's output through a pipe, so no secret is written to
@rem a temporary file, and each line (a set or echo command) runs with for-variable expansion.
@rem The program prints code only when it succeeds, and values hold only characters that cmd keeps
@rem as they are; anything else makes it fail with a message instead.
@rem
@rem Limits:
@rem - for /f cannot read the program's exit status, so the macro cannot check it; the program
@rem   prints no code on stdout when it fails.
@rem - doskey macros work only at the interactive prompt, not in batch files, pipes or after &.
@rem   There, and to print data with characters outside that set (awsmfa env --format json),
@rem   call the program by its file name (awsmfa.cmd) and, in a batch file, read it with for /f.
@rem - awsmfa exec sends the command's standard output to standard error under the macro, so that
@rem   it is never run as code.
@rem - The macro sets AWSMFA_WRAPPER in this window while the program runs and removes it after.
@doskey awsmfa=set "AWSMFA_WRAPPER=cmd" $T for /f "delims=" %%L in ('awsmfa $*') do @%%L $T set "AWSMFA_WRAPPER="

`

exports[`test/e2e/shells-windows.test.ts > TAP > powershell wrapper > snapshot > must match snapshot 1`] = `
# awsmfa for PowerShell: the function runs the awsmfa program, then evaluates the PowerShell code
# it printed, and only when it exited with status 0 ($LASTEXITCODE keeps that status).
# Install (add to $PROFILE): awsmfa init powershell | Out-String | Invoke-Expression
#
# Limits:
# - PowerShell removes a bare -- from the arguments of a function, so write
#   awsmfa exec PROFILE '--' COMMAND ARGS when the command has options of its own.
# - The program runs with AWSMFA_WRAPPER set in this session's environment, restored afterwards,
#   because PowerShell cannot set a variable for one native command only.
# - Output is read as UTF-8 for the call; PowerShell splits it into lines, so a value with a
#   carriage return loses it.
# NOTE: no pwsh runs in this project's tests; they check this file by snapshot and by rules.
function global:awsmfa {
    $__awsmfaProgram = Get-Command -Name awsmfa -CommandType Application -ErrorAction Stop |
        Select-Object -First 1
    $__awsmfaCommand = $args | Where-Object { -not "$_".StartsWith('-') } | Select-Object -First 1
    if ($__awsmfaCommand -eq 'exec') {
        # exec runs a command whose output must reach the console and never be evaluated.
        & $__awsmfaProgram @args
        return
    }
    $__awsmfaWrapper = $env:AWSMFA_WRAPPER
    $__awsmfaEncoding = [Console]::OutputEncoding
    try {
        $env:AWSMFA_WRAPPER = 'powershell'
        [Console]::OutputEncoding = [System.Text.UTF8Encoding]::new($false)
        $__awsmfaCode = & $__awsmfaProgram @args
        $__awsmfaStatus = $LASTEXITCODE
    }
    finally {
        $env:AWSMFA_WRAPPER = $__awsmfaWrapper
        [Console]::OutputEncoding = $__awsmfaEncoding
    }
    if ($__awsmfaStatus -eq 0 -and $null -ne $__awsmfaCode) {
        Invoke-Expression (@($__awsmfaCode) -join "\`n")
    }
    $global:LASTEXITCODE = $__awsmfaStatus
}

`

exports[`test/e2e/shells-windows.test.ts > TAP > program output for cmd > use sets each variable > must match snapshot 1`] = `
set "AWS_ACCESS_KEY_ID="
set "AWS_SECRET_ACCESS_KEY="
set "AWS_SESSION_TOKEN="
set "AWS_SECURITY_TOKEN="
set "AWS_CREDENTIAL_EXPIRATION="
set "AWS_SESSION_EXPIRATION="
set "AWS_SESSION_EXPIRY="
set "AWS_SESSION_TYPE="
set "AWS_SESSION_IDENT="
set "AWS_SESSION_INIT_TIME="
set "AWS_SESSION_DURATION="
set "AWS_PROFILE=alice"
set "AWS_DEFAULT_PROFILE=alice"
set "AWS_REGION=eu-west-1"
set "AWS_DEFAULT_REGION=eu-west-1"
set "AWS_DEFAULT_OUTPUT=json"
set "AWS_PROFILE_IDENT=alice"

`

exports[`test/e2e/shells-windows.test.ts > TAP > program output for powershell > clear removes each variable > must match snapshot 1`] = `
Remove-Item Env:AWS_ACCESS_KEY_ID -ErrorAction SilentlyContinue
Remove-Item Env:AWS_SECRET_ACCESS_KEY -ErrorAction SilentlyContinue
Remove-Item Env:AWS_SESSION_TOKEN -ErrorAction SilentlyContinue
Remove-Item Env:AWS_SECURITY_TOKEN -ErrorAction SilentlyContinue
Remove-Item Env:AWS_PROFILE -ErrorAction SilentlyContinue
Remove-Item Env:AWS_DEFAULT_PROFILE -ErrorAction SilentlyContinue
Remove-Item Env:AWS_REGION -ErrorAction SilentlyContinue
Remove-Item Env:AWS_DEFAULT_REGION -ErrorAction SilentlyContinue
Remove-Item Env:AWS_DEFAULT_OUTPUT -ErrorAction SilentlyContinue
Remove-Item Env:AWS_CREDENTIAL_EXPIRATION -ErrorAction SilentlyContinue
Remove-Item Env:AWS_SESSION_EXPIRATION -ErrorAction SilentlyContinue
Remove-Item Env:AWS_SESSION_EXPIRY -ErrorAction SilentlyContinue
Remove-Item Env:AWS_SESSION_TYPE -ErrorAction SilentlyContinue
Remove-Item Env:AWS_SESSION_IDENT -ErrorAction SilentlyContinue
Remove-Item Env:AWS_PROFILE_IDENT -ErrorAction SilentlyContinue
Remove-Item Env:AWS_SESSION_INIT_TIME -ErrorAction SilentlyContinue
Remove-Item Env:AWS_SESSION_DURATION -ErrorAction SilentlyContinue
[Console]::Error.WriteLine('awsmfa: removed AWS_PROFILE')

`

exports[`test/e2e/shells-windows.test.ts > TAP > program output for powershell > use selects by reference > must match snapshot 1`] = `
Remove-Item Env:AWS_ACCESS_KEY_ID -ErrorAction SilentlyContinue
Remove-Item Env:AWS_SECRET_ACCESS_KEY -ErrorAction SilentlyContinue
Remove-Item Env:AWS_SESSION_TOKEN -ErrorAction SilentlyContinue
Remove-Item Env:AWS_SECURITY_TOKEN -ErrorAction SilentlyContinue
Remove-Item Env:AWS_CREDENTIAL_EXPIRATION -ErrorAction SilentlyContinue
Remove-Item Env:AWS_SESSION_EXPIRATION -ErrorAction SilentlyContinue
Remove-Item Env:AWS_SESSION_EXPIRY -ErrorAction SilentlyContinue
Remove-Item Env:AWS_SESSION_TYPE -ErrorAction SilentlyContinue
Remove-Item Env:AWS_SESSION_IDENT -ErrorAction SilentlyContinue
Remove-Item Env:AWS_SESSION_INIT_TIME -ErrorAction SilentlyContinue
Remove-Item Env:AWS_SESSION_DURATION -ErrorAction SilentlyContinue
$Env:AWS_PROFILE = 'alice'
$Env:AWS_DEFAULT_PROFILE = 'alice'
$Env:AWS_REGION = 'eu-west-1'
$Env:AWS_DEFAULT_REGION = 'eu-west-1'
$Env:AWS_DEFAULT_OUTPUT = 'json'
$Env:AWS_PROFILE_IDENT = 'alice'

`
