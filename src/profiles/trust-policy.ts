/** Whether AssumeRole on a role needs an MFA code, where 'unknown' means "may need MFA". */
export type MfaRequirement = 'required' | 'not-required' | 'unknown';

/** IAM condition keys are case-insensitive, so they are compared in lower case. */
const MFA_CONDITION_KEYS = new Set(['aws:multifactorauthpresent', 'aws:multifactorauthage']);

interface PolicyStatement {
  Condition?: Record<string, Record<string, unknown>>;
}

/**
 * Read a role's trust policy and report whether it needs MFA: any statement with an
 * `aws:MultiFactorAuthPresent` or `aws:MultiFactorAuthAge` condition counts. IAM GetRole
 * returns the document URL-encoded; plain JSON is accepted too. A document that cannot be
 * read gives 'unknown'.
 */
export function readMfaRequirement(document: string | undefined): MfaRequirement {
  const statements = parseStatements(document);
  if (statements === undefined) {
    return 'unknown';
  }
  return statements.some(hasMfaCondition) ? 'required' : 'not-required';
}

/** Text for messages: "requires MFA", "does not require MFA" or "may need MFA". */
export function describeMfaRequirement(requirement: MfaRequirement): string {
  switch (requirement) {
    case 'required':
      return 'requires MFA';
    case 'not-required':
      return 'does not require MFA';
    default:
      return 'may need MFA';
  }
}

function parseStatements(document: string | undefined): PolicyStatement[] | undefined {
  if (!document) {
    return undefined;
  }
  const policy = parseJson(document) ?? parseJson(safeDecode(document));
  if (typeof policy !== 'object' || policy === null || !('Statement' in policy)) {
    return undefined;
  }
  const statement = (policy as { Statement: unknown }).Statement;
  const list = Array.isArray(statement) ? statement : [statement];
  return list.filter((item): item is PolicyStatement => typeof item === 'object' && item !== null);
}

function hasMfaCondition(statement: PolicyStatement): boolean {
  const condition = statement.Condition;
  if (typeof condition !== 'object' || condition === null) {
    return false;
  }
  return Object.values(condition).some(
    (operands) => typeof operands === 'object' && operands !== null && Object.keys(operands).some((key) => MFA_CONDITION_KEYS.has(key.toLowerCase())),
  );
}

function parseJson(text: string | undefined): unknown {
  if (text === undefined) {
    return undefined;
  }
  try {
    return JSON.parse(text) as unknown;
  } catch {
    return undefined;
  }
}

function safeDecode(text: string): string | undefined {
  try {
    return decodeURIComponent(text);
  } catch {
    return undefined;
  }
}
