import { AwsmfaError } from '../errors.js';
import { setProperties } from '../ini/edit.js';
import type { PropertyMap } from '../ini/view.js';
import { debug } from '../log.js';
import type { Prompter } from '../prompt.js';
import { updateDocuments } from '../files/store.js';
import type { AwsFilePaths } from '../files/paths.js';
import type { AwsApi, StaticCredentials } from '../aws/types.js';

export class MfaSerialMissingError extends AwsmfaError {}

/**
 * Serial (ARN) of the MFA device for a profile: `mfa_serial`, else the legacy `mfa_arn`,
 * else the devices that IAM lists for the calling user. A choice among several devices is
 * stored as `mfa_serial` so the question is asked once.
 */
export async function resolveMfaSerial(options: {
  profile: string;
  properties: PropertyMap;
  credentials: StaticCredentials;
  api: AwsApi;
  prompter: Prompter;
  paths: AwsFilePaths;
}): Promise<string> {
  const configured = options.properties.get('mfa_serial') || options.properties.get('mfa_arn');
  if (configured) {
    debug(`using MFA device ${configured} from profile ${options.profile}`);
    return configured;
  }
  const devices = (await options.api.listMfaDevices(options.credentials)).map((device) => device.serialNumber);
  // Security keys (FIDO/U2F) are listed with a `:u2f/` ARN and cannot produce codes.
  const usable = devices.filter((serial) => !/:u2f\//.test(serial));
  debug(`IAM lists ${devices.length} MFA device(s) for profile ${options.profile}`);

  if (usable.length === 0) {
    throw new MfaSerialMissingError(describeMissing(options.profile, devices.length), {
      hint: `create one with \`awsmfa device enable ${options.profile}\`, set mfa_serial in the profile, or pass --no-mfa`,
    });
  }
  const serial = usable.length === 1 ? (usable[0] as string) : await pickDevice(options.prompter, usable);
  if (usable.length > 1) {
    await updateDocuments(options.paths, { config: (doc) => setProperties(doc, options.profile, [['mfa_serial', serial]]) });
  }
  return serial;
}

function describeMissing(profile: string, otherDevices: number): string {
  return otherDevices > 0
    ? `profile '${profile}' has only security-key (FIDO) MFA devices, which cannot produce one-time codes`
    : `profile '${profile}' has no MFA device`;
}

async function pickDevice(prompter: Prompter, serials: string[]): Promise<string> {
  const choices = serials.map((serial) => ({ name: serial, message: serial }));
  return prompter.choose('This user has several MFA devices. Which one should awsmfa use?', choices);
}
