/* IMPORTANT
 * This snapshot file is auto-generated, but designed for humans.
 * It should be checked into source control and tracked carefully.
 * Re-generate by setting TAP_SNAPSHOT=1 and running tests.
 * Make sure to inspect the output below.  Do not ignore changes!
 */
'use strict'
exports[`test/completion/scripts.test.ts > TAP > completion scripts > powershell snapshot > must match snapshot 1`] = `
# PowerShell completion for awsmfa: subcommands, options, shells and profile names.
# Works on its own (dot-source it from $PROFILE) and from awsmfa init powershell.
# The awsmfa program computes the candidates: \`awsmfa __complete\` reads the words after \`awsmfa\`
# up to the cursor on stdin, one a line, so that no typed value (such as --code) reaches a
# command line. Its first output line is \`values\`, \`files\` or \`command N\`, and candidates follow,
# one a line, with a tab before any description. Only \`values\` gets candidates here. For the
# others the completer returns nothing, so PowerShell completes file names.
# A native completer also applies to the awsmfa function that the wrapper defines.
# NOTE: no pwsh runs in this project's tests; they check this file by snapshot and by rules.
Register-ArgumentCompleter -Native -CommandName awsmfa -ScriptBlock {
    param($wordToComplete, $commandAst, $cursorPosition)

    $program = Get-Command -Name awsmfa -CommandType Application -ErrorAction SilentlyContinue |
        Select-Object -First 1
    if ($null -eq $program) {
        return
    }
    $words = [System.Collections.Generic.List[string]]::new()
    foreach ($element in @($commandAst.CommandElements | Select-Object -Skip 1)) {
        if ($element.Extent.EndOffset -ge $cursorPosition) {
            break
        }
        if ($element -is [System.Management.Automation.Language.StringConstantExpressionAst]) {
            $words.Add($element.Value)
        }
        else {
            $words.Add($element.Extent.Text)
        }
    }
    $words.Add($wordToComplete)

    $reply = @($words | & $program __complete 2>$null)
    if ($reply.Count -eq 0 -or $reply[0] -ne 'values') {
        return
    }
    foreach ($line in @($reply | Select-Object -Skip 1)) {
        $parts = @($line -split "\`t", 2)
        $value = $parts[0]
        if ($value -eq '') {
            continue
        }
        # Quote anything PowerShell could read as more than a plain word, such as @name (splatting).
        $text = $value
        if ($value -notmatch '^[-\\w./:+%=,]+$') {
            $text = "'" + $value.Replace("'", "''") + "'"
        }
        $tip = $value
        if ($parts.Count -gt 1 -and $parts[1] -ne '') {
            $tip = $parts[1]
        }
        [System.Management.Automation.CompletionResult]::new($text, $value, 'ParameterValue', $tip)
    }
}

`
