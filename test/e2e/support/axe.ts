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
  // axe measures contrast as drawn: text half-way through a fade (a save notice coming or going)
  // reads as pale text. The browsers here ask for reduced motion, so the client's fades take a
  // millisecond; what still runs a finite animation is waited for (spinners loop for ever: not those).
  await page
    .waitForFunction(() => document.getAnimations().every((a) => a.playState !== 'running' || a.effect?.getTiming().iterations === Infinity), null, { timeout: 5_000 })
    .catch(() => undefined);
  const result = await new AxeBuilder({ page }).withTags(['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa']).exclude('iframe[sandbox=""]').analyze();
  return result.violations
    .filter((v) => v.impact === 'serious' || v.impact === 'critical')
    .map((v) => `${v.id} (${v.impact}): ${v.help} — ${v.nodes.map((n) => n.target.join(' ')).slice(0, 3).join(', ')}`);
}

/**
 * What is wrong with the page as it is, at its size and on a phone: axe's serious and critical
 * findings; then, at 390×844, axe again and whether the page scrolls sideways or cuts a control off.
 * The size is put back after.
 */
export async function pageProblems(page: Page): Promise<string[]> {
  const found = await seriousViolations(page);
  const size = page.viewportSize();
  const clippedHere = await cutOff(page);
  if (clippedHere.length && size) found.push(`cut off at ${size.width} px wide: ${clippedHere.slice(0, 5).join(', ')}`);
  await page.setViewportSize({ width: 390, height: 844 });
  // Charts take their new width from a ResizeObserver, a frame or two after the resize: give the
  // layout a moment to follow before measuring (what is still too wide then is reported).
  await page.waitForFunction(() => document.documentElement.scrollWidth <= document.documentElement.clientWidth, null, { timeout: 3_000 }).catch(() => undefined);
  const overflow = await page.evaluate(() => {
    const width = document.documentElement.clientWidth;
    const by = document.documentElement.scrollWidth - width;
    if (by <= 0) return null;
    // The innermost elements that reach past the right edge: what to fix.
    const beyond = (e: Element) => e.getBoundingClientRect().right > width + 1;
    const past = [...document.querySelectorAll('body *')].filter((e) => beyond(e) && ![...e.children].some(beyond));
    return { by, culprits: past.slice(0, 3).map((e) => `<${e.tagName.toLowerCase()} class="${e.getAttribute('class') ?? ''}">${(e.textContent ?? '').trim().slice(0, 40)}`) };
  });
  if (overflow) found.push(`scrolls sideways by ${overflow.by} px at 390 px wide: ${overflow.culprits.join(' | ')}`);
  const clipped = await cutOff(page);
  if (clipped.length) found.push(`cut off at 390 px wide: ${clipped.slice(0, 5).join(', ')}`);
  if (size && size.width > 390) found.push(...(await seriousViolations(page)).map((v) => `at 390 px wide: ${v}`));
  if (size) await page.setViewportSize(size);
  return found;
}

/** Page states checked during a scenario (pageProblems each), and one assertion at its end naming every state with a finding. */
export function pageChecks(): { check(page: Page, state: string): Promise<void>; assertNone(): void } {
  const found: [string, string[]][] = [];
  return {
    async check(page, state) {
      found.push([state, await pageProblems(page)]);
    },
    assertNone() {
      const failing = found.filter(([, problems]) => problems.length > 0);
      if (failing.length) throw new Error(`problems on ${failing.length} page state(s):\n${failing.map(([s, p]) => `${s}:\n  ${p.join('\n  ')}`).join('\n')}`);
    },
  };
}

/** Controls cut off by their own box or by a box that hides its overflow: they cannot be read or reached. */
async function cutOff(page: Page): Promise<string[]> {
  return page.evaluate(() => {
    const out: string[] = [];
    for (const control of document.querySelectorAll('header button, header a[href], header select, header input, main button, main a[href], main input, main select, main textarea, [role="dialog"] button, [role="dialog"] input')) {
      const r = control.getBoundingClientRect();
      if (r.width === 0 || r.height === 0) continue;
      const name = () => `${control.tagName.toLowerCase()} “${(control.textContent || control.getAttribute('aria-label') || '').trim().slice(0, 30)}”`;
      // Squeezed by its neighbours until its own label no longer fits.
      const cut = (e: Element) => e.scrollWidth > e.clientWidth + 1;
      if (control.matches('button, a[href]') && (cut(control) || [...control.querySelectorAll('*')].some(cut))) {
        out.push(name());
        continue;
      }
      for (let box = control.parentElement; box && box !== document.body; box = box.parentElement) {
        const style = getComputedStyle(box);
        if (!/hidden|clip/.test(style.overflowX)) continue;
        const b = box.getBoundingClientRect();
        if (r.right > b.right + 1 || r.left < b.left - 1) out.push(name());
        break;
      }
    }
    return out;
  });
}
