import AxeBuilder from '@axe-core/playwright';
import type { Page } from 'playwright-core';
import { networkSettled } from './browser.ts';

/**
 * axe's serious and critical findings (WCAG 2.1 A and AA) on the page as it is, once its requests
 * have settled, one line each. The digest preview's sandboxed frame (an email, shown as it is sent)
 * runs no script, axe's included: axe would wait on it for ever. It is left out; it has a title,
 * and the page around it is checked.
 */
export async function seriousViolations(page: Page): Promise<string[]> {
  await networkSettled(page);
  const result = await new AxeBuilder({ page }).withTags(['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa']).exclude('iframe[sandbox=""]').analyze();
  return result.violations
    .filter((v) => v.impact === 'serious' || v.impact === 'critical')
    .map((v) => `${v.id} (${v.impact}): ${v.help} — ${v.nodes.map((n) => n.target.join(' ')).slice(0, 3).join(', ')}`);
}
