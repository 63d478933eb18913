import { AwsmfaError } from '../errors.js';
import { setProperties } from '../ini/edit.js';
import type { PropertyMap } from '../ini/view.js';
import { debug } from '../log.js';
import type { Prompter } from '../prompt.js';
import { updateDocuments } from '../files/store.js';
import type { AwsFilePaths } from '../files/paths.js';
import type { AwsApi, StaticCredentials } from '../aws/types.js';

export class MfaSerialMissingError extends AwsmfaError {}

export interface MfaDeviceChoice {
  serial: string;
  /** True when the user picked the device among several; the caller stores it once the session works. */
  chosen: boolean;
}

/**
 * Find the serial (ARN) of the MFA device for a profile: `mfa_serial`, else the legacy
 * `mfa_arn`, else the devices that IAM lists for the calling user, asking which one when
 * there are several.
 */
export async function resolveMfaSerial(options: {
  profile: string;
  properties: PropertyMap;
  credentials: StaticCredentials;
  api: AwsApi;
  prompter: Prompter;
}): Promise<MfaDeviceChoice> {
  const configured = options.properties.get('mfa_serial') || options.properties.get('mfa_arn');
  if (configured) {
    debug(`using MFA device ${configured} from profile ${options.profile}`);
    return { serial: configured, chosen: false };
  }
  const devices = (await options.api.listMfaDevices(options.credentials)).map((device) => device.serialNumber);
  // Security keys (FIDO/U2F) are listed with a `:u2f/` ARN and cannot produce codes.
  const usable = devices.filter((serial) => !/:u2f\//.test(serial));
  debug(`IAM lists ${devices.length} MFA device(s) for profile ${options.profile}`);

  if (usable.length === 0) {
    throw new MfaSerialMissingError(describeMissing(options.profile, devices.length), {
      hint: 'assign a virtual MFA device to the IAM user (IAM console: Security credentials, Assign MFA device), set mfa_serial in the profile, or pass --no-mfa',
    });
  }
  if (usable.length === 1) {
    return { serial: usable[0] as string, chosen: false };
  }
  return { serial: await pickDevice(options.prompter, usable), chosen: true };
}

/** Store a device the user picked as `mfa_serial`, so that the question is asked once. */
export async function rememberMfaSerial(paths: AwsFilePaths, profile: string, serial: string): Promise<void> {
  await updateDocuments(paths, { config: (doc) => setProperties(doc, profile, [['mfa_serial', serial]]) });
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
