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
        Invoke-Expression (@($__awsmfaCode) -join "`n")
    }
    $global:LASTEXITCODE = $__awsmfaStatus
}
