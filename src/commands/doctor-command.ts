import type { Argv } from 'yargs';
import { getAwsFilePaths } from '../files/paths.js';
import type { CommandContext } from '../main.js';
import { emitData } from '../output.js';
import { DoctorFindingsError, formatDoctorJson, formatDoctorText, runDoctor } from './doctor.js';

export function registerDoctorCommand(parser: Argv, context: CommandContext): Argv {
  return parser.command(
    'doctor',
    'Check the AWS config and credentials files and print every problem with its fix',
    (command) => command.example('$0 doctor', 'list problems as FILE:LINE: SEVERITY: MESSAGE').example('$0 doctor --json', 'print the findings as JSON'),
    async (argv) => {
      const json = argv.json === true;
      const report = await runDoctor({ json }, { paths: getAwsFilePaths(context.env) });
      const text = json ? formatDoctorJson(report) : formatDoctorText(report);

      // Under the shell wrapper a failing command's stdout is never evaluated, so the
      // report would be lost. It goes to stderr instead.
      if (report.errors > 0 && context.target.wrapper !== undefined) {
        process.stderr.write(text);
      } else {
        emitData(context.target, text);
      }
      if (report.errors > 0) {
        throw new DoctorFindingsError(report.errors);
      }
    },
  );
}
