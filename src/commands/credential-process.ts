import { AwsmfaError } from '../errors.js';
import type { Prompter } from '../prompt.js';
import type { SessionContext } from '../session/context.js';
import { runUse } from './use.js';

/** The JSON document that the AWS CLI and SDKs read from a `credential_process` command. */
export interface CredentialProcessOutput {
  Version: 1;
  AccessKeyId: string;
  SecretAccessKey: string;
  SessionToken?: string;
  Expiration?: string;
}

/** The AWS CLI captures the stderr of a credential process, so a prompt would never be seen. */
export const NO_PROMPT: Prompter = {
  askSecret: async () => {
    throw new AwsmfaError('credential_process cannot ask for an MFA code', {
      hint: 'start the session first with `awsmfa use PROFILE`, or give the profile an mfa_process command',
    });
  },
  choose: async () => {
    throw new AwsmfaError('credential_process cannot ask which MFA device to use', { hint: 'set mfa_serial in the profile' });
  },
};

/**
 * Return a profile's session keys for `credential_process`: a live stored session is reused,
 * and a new one is started (and stored) when its code needs no prompt (`mfa_process`).
 */
export async function runCredentialProcess(profile: string, context: SessionContext): Promise<CredentialProcessOutput> {
  const activation = await runUse({ profile, noMfa: false, persist: true, exportSecrets: true }, { ...context, prompter: NO_PROMPT });
  const credentials = activation.credentials;
  if (credentials === undefined) {
    throw new AwsmfaError(`profile '${profile}' has no keys that awsmfa can hand out`, { hint: 'use a base profile, a role or a stored session' });
  }
  const output: CredentialProcessOutput = { Version: 1, AccessKeyId: credentials.accessKeyId, SecretAccessKey: credentials.secretAccessKey };
  if (credentials.sessionToken) {
    output.SessionToken = credentials.sessionToken;
  }
  if (activation.session) {
    output.Expiration = new Date(activation.session.expiry * 1000).toISOString();
  }
  return output;
}
