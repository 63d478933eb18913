/* IMPORTANT
 * This snapshot file is auto-generated, but designed for humans.
 * It should be checked into source control and tracked carefully.
 * Re-generate by setting TAP_SNAPSHOT=1 and running tests.
 * Make sure to inspect the output below.  Do not ignore changes!
 */
'use strict'
exports[`test/shell/print-text.test.ts > TAP > renderPrint > snapshot per shell > bash 1`] = `
if [ -t 1 ]; then printf '%s\\n' 'awsmfa: mock warning' >&2; fi
printf '%s' 'alice  base
bob    role
'

`

exports[`test/shell/print-text.test.ts > TAP > renderPrint > snapshot per shell > cmd 1`] = `
echo(alice  base
echo(bob    role

`

exports[`test/shell/print-text.test.ts > TAP > renderPrint > snapshot per shell > fish 1`] = `
if test -t 1; printf '%s\\n' 'awsmfa: mock warning' >&2; end
printf '%s' 'alice  base
bob    role
'

`

exports[`test/shell/print-text.test.ts > TAP > renderPrint > snapshot per shell > powershell 1`] = `
if (-not [Console]::IsOutputRedirected) { [Console]::Error.WriteLine('awsmfa: mock warning') }
Write-Output 'alice  base'
Write-Output 'bob    role'

`

exports[`test/shell/print-text.test.ts > TAP > renderPrint > snapshot per shell > sh 1`] = `
if [ -t 1 ]; then printf '%s\\n' 'awsmfa: mock warning' >&2; fi
printf '%s' 'alice  base
bob    role
'

`

exports[`test/shell/print-text.test.ts > TAP > renderPrint > snapshot per shell > zsh 1`] = `
if [ -t 1 ]; then printf '%s\\n' 'awsmfa: mock warning' >&2; fi
printf '%s' 'alice  base
bob    role
'

`
