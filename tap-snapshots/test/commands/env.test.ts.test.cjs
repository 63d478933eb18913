/* IMPORTANT
 * This snapshot file is auto-generated, but designed for humans.
 * It should be checked into source control and tracked carefully.
 * Re-generate by setting TAP_SNAPSHOT=1 and running tests.
 * Make sure to inspect the output below.  Do not ignore changes!
 */
'use strict'
exports[`test/commands/env.test.ts > TAP > formatEnvironment > snapshot per format > bash 1`] = `
unset -v AWS_PROFILE
export AWS_ACCESS_KEY_ID='ASIAMOCKEXAMPLE12345'
export AWS_SECRET_ACCESS_KEY='wJalrXUtnFEMI/K7MDENG+bPxRfiCYEXAMPLEKEY'
export AWS_REGION='eu-west-1'

`

exports[`test/commands/env.test.ts > TAP > formatEnvironment > snapshot per format > cmd 1`] = `
set "AWS_PROFILE="
set "AWS_ACCESS_KEY_ID=ASIAMOCKEXAMPLE12345"
set "AWS_SECRET_ACCESS_KEY=wJalrXUtnFEMI/K7MDENG+bPxRfiCYEXAMPLEKEY"
set "AWS_REGION=eu-west-1"

`

exports[`test/commands/env.test.ts > TAP > formatEnvironment > snapshot per format > dotenv 1`] = `
AWS_ACCESS_KEY_ID='ASIAMOCKEXAMPLE12345'
AWS_SECRET_ACCESS_KEY='wJalrXUtnFEMI/K7MDENG+bPxRfiCYEXAMPLEKEY'
AWS_REGION='eu-west-1'

`

exports[`test/commands/env.test.ts > TAP > formatEnvironment > snapshot per format > fish 1`] = `
if set -q -g AWS_PROFILE; set -e -g AWS_PROFILE; end
set -gx AWS_ACCESS_KEY_ID 'ASIAMOCKEXAMPLE12345'
set -gx AWS_SECRET_ACCESS_KEY 'wJalrXUtnFEMI/K7MDENG+bPxRfiCYEXAMPLEKEY'
set -gx AWS_REGION 'eu-west-1'

`

exports[`test/commands/env.test.ts > TAP > formatEnvironment > snapshot per format > json 1`] = `
{
  "AWS_ACCESS_KEY_ID": "ASIAMOCKEXAMPLE12345",
  "AWS_SECRET_ACCESS_KEY": "wJalrXUtnFEMI/K7MDENG+bPxRfiCYEXAMPLEKEY",
  "AWS_REGION": "eu-west-1"
}

`

exports[`test/commands/env.test.ts > TAP > formatEnvironment > snapshot per format > powershell 1`] = `
Remove-Item Env:AWS_PROFILE -ErrorAction SilentlyContinue
$Env:AWS_ACCESS_KEY_ID = 'ASIAMOCKEXAMPLE12345'
$Env:AWS_SECRET_ACCESS_KEY = 'wJalrXUtnFEMI/K7MDENG+bPxRfiCYEXAMPLEKEY'
$Env:AWS_REGION = 'eu-west-1'

`

exports[`test/commands/env.test.ts > TAP > formatEnvironment > snapshot per format > sh 1`] = `
unset -v AWS_PROFILE
export AWS_ACCESS_KEY_ID='ASIAMOCKEXAMPLE12345'
export AWS_SECRET_ACCESS_KEY='wJalrXUtnFEMI/K7MDENG+bPxRfiCYEXAMPLEKEY'
export AWS_REGION='eu-west-1'

`

exports[`test/commands/env.test.ts > TAP > formatEnvironment > snapshot per format > zsh 1`] = `
unset -v AWS_PROFILE
export AWS_ACCESS_KEY_ID='ASIAMOCKEXAMPLE12345'
export AWS_SECRET_ACCESS_KEY='wJalrXUtnFEMI/K7MDENG+bPxRfiCYEXAMPLEKEY'
export AWS_REGION='eu-west-1'

`
