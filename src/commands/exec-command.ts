import type { Argv } from 'yargs';
import { UsageError } from '../errors.js';
import { redact } from '../log.js';
import type { CommandContext } from '../main.js';
import { buildActivationPlan } from '../session/activation.js';
import { buildSessionRequest, declareSessionOptions } from './env-session.js';
import { buildChildEnvironment, runChild } from './exec.js';
import { runUse } from './use.js';

export function registerExecCommand(parser: Argv, context: CommandContext): Argv {
  return parser.command(
    'exec <profile> [command..]',
    "Run one command with PROFILE's session, leaving this shell as it is",
    (command) =>
      declareSessionOptions(command)
        .positional('command', { type: 'string', array: true, describe: 'The command and its arguments, after --' })
        .option('export-secrets', { type: 'boolean', describe: 'Give the command the keys instead of AWS_PROFILE' })
        // Words after the command that look like options belong to the command, and "007"
        // stays a string. Write -- before the command to keep awsmfa's own options out of it.
        .parserConfiguration({ 'unknown-options-as-args': true, 'parse-positional-numbers': false })
        .example('$0 exec dev -- aws sts get-caller-identity', "run the AWS CLI with dev's MFA session")
        .example('$0 exec dev --no-persist -- terraform plan', 'give terraform the keys of a session that is not stored'),
    async (argv) => {
      const words = [...((argv.command as unknown[] | undefined) ?? []), ...argv._.slice(1)].map(String);
      if (words.length === 0) {
        throw new UsageError('name the command to run after the profile', `for example: awsmfa exec ${String(argv.profile)} -- aws sts get-caller-identity`);
      }
      const { input, deps } = await buildSessionRequest(argv, context, argv['export-secrets'] as boolean | undefined);
      const plan = buildActivationPlan(await runUse(input, deps));
      for (const message of plan.messages) {
        process.stderr.write(`${redact(message)}\n`);
      }
      const status = await runChild(words, { env: buildChildEnvironment(context.env, plan), stdoutToStderr: context.target.wrapper !== undefined });
      if (status !== 0) {
        // NOTE: main() cannot return a command's status, so the status leaves through exit();
        // awsmfa has written nothing to stdout that could be lost.
        process.exit(status);
      }
    },
  );
}
