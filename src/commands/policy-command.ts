import type { Argv } from 'yargs';
import type { CommandContext } from '../main.js';
import { emitData } from '../output.js';
import { buildPolicy, parsePolicyMode, POLICY_MODES } from './policy.js';

export function registerPolicyCommand(parser: Argv, context: CommandContext): Argv {
  return parser.command(
    'policy [mode]',
    'Print an example IAM policy that enforces MFA and lets users manage their own device',
    (command) =>
      command
        .positional('mode', { type: 'string', choices: POLICY_MODES, describe: 'enforce (default): deny all but device self-service without MFA; allow: grant all with MFA; open: self-service only' })
        .example('$0 policy > mfa-policy.json', 'then attach it with `aws iam create-policy --policy-document file://mfa-policy.json ...`'),
    (argv) => {
      emitData(context.target, `${JSON.stringify(buildPolicy(parsePolicyMode(argv.mode as string | undefined)), null, 2)}\n`);
    },
  );
}
