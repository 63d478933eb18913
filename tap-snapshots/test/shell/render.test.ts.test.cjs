/* IMPORTANT
 * This snapshot file is auto-generated, but designed for humans.
 * It should be checked into source control and tracked carefully.
 * Re-generate by setting TAP_SNAPSHOT=1 and running tests.
 * Make sure to inspect the output below.  Do not ignore changes!
 */
'use strict'
exports[`test/shell/render.test.ts > TAP > renderPlan > session snapshot > bash 1`] = `
unset -v AWS_PROFILE
unset -v AWS_SECURITY_TOKEN
export AWS_ACCESS_KEY_ID='ASIAMOCKEXAMPLE12345'
export AWS_SECRET_ACCESS_KEY='wJalrXUtnFEMI/K7MDENG+bPxRfiCYEXAMPLEKEY'
export AWS_SESSION_TOKEN='FwoGZXIvYXdzEXAMPLE//////////wEaDK+mock/TOKEN+value=='
export AWS_CREDENTIAL_EXPIRATION='2030-01-02T03:04:05Z'
export AWSMFA_PROFILE='mock-dev'
printf '%s\\n' 'awsmfa: mock-dev session valid until 2030-01-02 03:04 UTC' >&2

`

exports[`test/shell/render.test.ts > TAP > renderPlan > session snapshot > cmd 1`] = `
set "AWS_PROFILE="
set "AWS_SECURITY_TOKEN="
set "AWS_ACCESS_KEY_ID=ASIAMOCKEXAMPLE12345"
set "AWS_SECRET_ACCESS_KEY=wJalrXUtnFEMI/K7MDENG+bPxRfiCYEXAMPLEKEY"
set "AWS_SESSION_TOKEN=FwoGZXIvYXdzEXAMPLE//////////wEaDK+mock/TOKEN+value=="
set "AWS_CREDENTIAL_EXPIRATION=2030-01-02T03:04:05Z"
set "AWSMFA_PROFILE=mock-dev"
echo awsmfa: mock-dev session valid until 2030-01-02 03:04 UTC 1>&2

`

exports[`test/shell/render.test.ts > TAP > renderPlan > session snapshot > fish 1`] = `
if set -q -g AWS_PROFILE; set -e -g AWS_PROFILE; end
if set -q -g AWS_SECURITY_TOKEN; set -e -g AWS_SECURITY_TOKEN; end
set -gx AWS_ACCESS_KEY_ID 'ASIAMOCKEXAMPLE12345'
set -gx AWS_SECRET_ACCESS_KEY 'wJalrXUtnFEMI/K7MDENG+bPxRfiCYEXAMPLEKEY'
set -gx AWS_SESSION_TOKEN 'FwoGZXIvYXdzEXAMPLE//////////wEaDK+mock/TOKEN+value=='
set -gx AWS_CREDENTIAL_EXPIRATION '2030-01-02T03:04:05Z'
set -gx AWSMFA_PROFILE 'mock-dev'
printf '%s\\n' 'awsmfa: mock-dev session valid until 2030-01-02 03:04 UTC' >&2

`

exports[`test/shell/render.test.ts > TAP > renderPlan > session snapshot > powershell 1`] = `
Remove-Item Env:AWS_PROFILE -ErrorAction SilentlyContinue
Remove-Item Env:AWS_SECURITY_TOKEN -ErrorAction SilentlyContinue
$Env:AWS_ACCESS_KEY_ID = 'ASIAMOCKEXAMPLE12345'
$Env:AWS_SECRET_ACCESS_KEY = 'wJalrXUtnFEMI/K7MDENG+bPxRfiCYEXAMPLEKEY'
$Env:AWS_SESSION_TOKEN = 'FwoGZXIvYXdzEXAMPLE//////////wEaDK+mock/TOKEN+value=='
$Env:AWS_CREDENTIAL_EXPIRATION = '2030-01-02T03:04:05Z'
$Env:AWSMFA_PROFILE = 'mock-dev'
[Console]::Error.WriteLine('awsmfa: mock-dev session valid until 2030-01-02 03:04 UTC')

`

exports[`test/shell/render.test.ts > TAP > renderPlan > session snapshot > sh 1`] = `
unset -v AWS_PROFILE
unset -v AWS_SECURITY_TOKEN
export AWS_ACCESS_KEY_ID='ASIAMOCKEXAMPLE12345'
export AWS_SECRET_ACCESS_KEY='wJalrXUtnFEMI/K7MDENG+bPxRfiCYEXAMPLEKEY'
export AWS_SESSION_TOKEN='FwoGZXIvYXdzEXAMPLE//////////wEaDK+mock/TOKEN+value=='
export AWS_CREDENTIAL_EXPIRATION='2030-01-02T03:04:05Z'
export AWSMFA_PROFILE='mock-dev'
printf '%s\\n' 'awsmfa: mock-dev session valid until 2030-01-02 03:04 UTC' >&2

`

exports[`test/shell/render.test.ts > TAP > renderPlan > session snapshot > zsh 1`] = `
unset -v AWS_PROFILE
unset -v AWS_SECURITY_TOKEN
export AWS_ACCESS_KEY_ID='ASIAMOCKEXAMPLE12345'
export AWS_SECRET_ACCESS_KEY='wJalrXUtnFEMI/K7MDENG+bPxRfiCYEXAMPLEKEY'
export AWS_SESSION_TOKEN='FwoGZXIvYXdzEXAMPLE//////////wEaDK+mock/TOKEN+value=='
export AWS_CREDENTIAL_EXPIRATION='2030-01-02T03:04:05Z'
export AWSMFA_PROFILE='mock-dev'
printf '%s\\n' 'awsmfa: mock-dev session valid until 2030-01-02 03:04 UTC' >&2

`

exports[`test/shell/render.test.ts > TAP > renderPlan > tricky values snapshot > bash 1`] = `
unset -v AWS_PROFILE
export MOCK_QUOTES='it'\\''s "quoted" \`here\` ‘smart’'
export MOCK_EXPANSIONS='$HOME $(touch x) %PATH% !x! (touch x) {a,b} *'
export MOCK_LINES='line one
line two	tab\\'
export MOCK_EMPTY=''
export MOCK_TEXT='Grüße 😂 日本'
printf '%s\\n' 'profile '\\''mock-dev'\\'' is active' >&2
printf '%s\\n' 'second line
$HOME' >&2

`

exports[`test/shell/render.test.ts > TAP > renderPlan > tricky values snapshot > fish 1`] = `
if set -q -g AWS_PROFILE; set -e -g AWS_PROFILE; end
set -gx MOCK_QUOTES 'it\\'s "quoted" \`here\` ‘smart’'
set -gx MOCK_EXPANSIONS '$HOME $(touch x) %PATH% !x! (touch x) {a,b} *'
set -gx MOCK_LINES 'line one
line two	tab\\\\'
set -gx MOCK_EMPTY ''
set -gx MOCK_TEXT 'Grüße 😂 日本'
printf '%s\\n' 'profile \\'mock-dev\\' is active' >&2
printf '%s\\n' 'second line
$HOME' >&2

`

exports[`test/shell/render.test.ts > TAP > renderPlan > tricky values snapshot > powershell 1`] = `
Remove-Item Env:AWS_PROFILE -ErrorAction SilentlyContinue
$Env:MOCK_QUOTES = 'it''s "quoted" \`here\` ‘‘smart’’'
$Env:MOCK_EXPANSIONS = '$HOME $(touch x) %PATH% !x! (touch x) {a,b} *'
$Env:MOCK_LINES = 'line one
line two	tab\\'
$Env:MOCK_EMPTY = ''
$Env:MOCK_TEXT = 'Grüße 😂 日本'
[Console]::Error.WriteLine('profile ''mock-dev'' is active')
[Console]::Error.WriteLine('second line
$HOME')

`

exports[`test/shell/render.test.ts > TAP > renderPlan > tricky values snapshot > sh 1`] = `
unset -v AWS_PROFILE
export MOCK_QUOTES='it'\\''s "quoted" \`here\` ‘smart’'
export MOCK_EXPANSIONS='$HOME $(touch x) %PATH% !x! (touch x) {a,b} *'
export MOCK_LINES='line one
line two	tab\\'
export MOCK_EMPTY=''
export MOCK_TEXT='Grüße 😂 日本'
printf '%s\\n' 'profile '\\''mock-dev'\\'' is active' >&2
printf '%s\\n' 'second line
$HOME' >&2

`

exports[`test/shell/render.test.ts > TAP > renderPlan > tricky values snapshot > zsh 1`] = `
unset -v AWS_PROFILE
export MOCK_QUOTES='it'\\''s "quoted" \`here\` ‘smart’'
export MOCK_EXPANSIONS='$HOME $(touch x) %PATH% !x! (touch x) {a,b} *'
export MOCK_LINES='line one
line two	tab\\'
export MOCK_EMPTY=''
export MOCK_TEXT='Grüße 😂 日本'
printf '%s\\n' 'profile '\\''mock-dev'\\'' is active' >&2
printf '%s\\n' 'second line
$HOME' >&2

`
