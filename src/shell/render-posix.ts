import type { RenderPlan } from './plan.js';
import { quotePosix } from './quote-posix.js';

/**
 * Renders a plan as POSIX sh code that bash, zsh and dash can `eval`. Names are written as given,
 * so the plan must have passed renderPlan's checks.
 */
export function renderPosix(plan: RenderPlan): string {
  const lines = [
    // -v: without it, bash removes a function of that name when no such variable exists.
    ...plan.unset.map((name) => `unset -v ${name}`),
    ...plan.set.map(([name, value]) => `export ${name}=${quotePosix(value)}`),
    ...plan.messages.map((message) => `printf '%s\\n' ${quotePosix(message)} >&2`),
  ];
  return lines.map((line) => `${line}\n`).join('');
}
