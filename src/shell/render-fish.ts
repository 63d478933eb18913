import type { RenderPlan } from './plan.js';
import { quoteFish } from './quote-fish.js';

/**
 * Renders a plan as fish code for `eval` or `source`. Names are written as given, so the plan
 * must have passed renderPlan's checks.
 */
export function renderFish(plan: RenderPlan): string {
  const lines = [
    ...plan.unset.map(renderFishUnset),
    ...plan.set.map(([name, value]) => `set -gx ${name} ${quoteFish(value)}`),
    ...plan.messages.map((message) => `printf '%s\\n' ${quoteFish(message)} >&2`),
  ];
  return lines.map((line) => `${line}\n`).join('');
}

/**
 * Erases the global variable only. A bare `set -e` erases a universal variable when no global one
 * exists, which changes every fish session of the user, so a universal variable of that name
 * stays visible after this. The `if` keeps the status 0 when the variable is unset, where
 * `set -e` alone returns 4.
 */
function renderFishUnset(name: string): string {
  return `if set -q -g ${name}; set -e -g ${name}; end`;
}
