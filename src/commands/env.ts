import { buildActivationPlan } from '../session/activation.js';
import { formatEnvironment, type EnvFormat } from './env-format.js';
import { runUse, type UseDeps, type UseInput } from './use.js';

export interface EnvResult {
  /** The activation in the requested format: the payload for stdout. */
  text: string;
  /** True when the text contains secret keys rather than a profile name. */
  hasSecrets: boolean;
  /** Notes for stderr, such as a missing region. */
  messages: string[];
}

/**
 * Activate a profile as `use` does, but return the activation as text in `format` with the keys
 * exported, for another shell or a script. A persisted session or a profile without keys of its
 * own (SSO, credential_process, --no-mfa) is still selected by AWS_PROFILE.
 */
export async function runEnv(input: UseInput, format: EnvFormat, deps: UseDeps): Promise<EnvResult> {
  const activation = await runUse({ ...input, exportSecrets: true }, deps);
  const plan = buildActivationPlan(activation);
  return {
    text: formatEnvironment(format, plan),
    hasSecrets: activation.credentials !== undefined,
    messages: plan.messages,
  };
}
