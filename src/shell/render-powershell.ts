import type { RenderPlan } from './plan.js';
import { quotePowerShell } from './quote-powershell.js';

/**
 * Renders a plan as PowerShell code for `Invoke-Expression`. Names are written as given, so the
 * plan must have passed renderPlan's checks.
 */
export function renderPowerShell(plan: RenderPlan): string {
  const lines = [
    ...plan.unset.map((name) => `Remove-Item Env:${name} -ErrorAction SilentlyContinue`),
    ...plan.set.map(([name, value]) => `$Env:${name} = ${quotePowerShell(value)}`),
    ...plan.messages.map((message) => `[Console]::Error.WriteLine(${quotePowerShell(message)})`),
  ];
  return lines.map((line) => `${line}\n`).join('');
}
