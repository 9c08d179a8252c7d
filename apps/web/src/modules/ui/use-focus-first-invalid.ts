import { RefObject, useCallback, useEffect, useRef, useState } from 'react';

const FOCUSABLE = 'input:not([type="hidden"]):not([disabled]), select:not([disabled]), textarea:not([disabled]), button:not([disabled]), [tabindex]:not([tabindex="-1"])';

/**
 * After a refused save, keyboard focus goes to the first field (in the form's order) that says
 * what is wrong — an input marked aria-invalid, or the first control of a group (checkboxes, radio
 * buttons) showing an error — so a keyboard or screen-reader user lands on it instead of staying
 * on the Save button with the error somewhere above. Call `refused()` when a save was refused, by
 * the form's own check or by the server: focus moves once the errors are on the page.
 */
export function useFocusFirstInvalid<T extends HTMLElement = HTMLFormElement>(): { ref: RefObject<T | null>; refused: () => void } {
  const ref = useRef<T | null>(null);
  const [refusals, setRefusals] = useState(0);
  useEffect(() => {
    if (!refusals || !ref.current) return;
    const target = firstInvalid(ref.current);
    target?.focus();
  }, [refusals]);
  const refused = useCallback(() => setRefusals((n) => n + 1), []);
  return { ref, refused };
}

/**
 * The first control, in document order, that is invalid (aria-invalid) or inside a field showing an
 * error (Mantine marks an input's wrapper and a checkbox or radio group's with data-error).
 */
export function firstInvalid(root: HTMLElement): HTMLElement | null {
  for (const el of root.querySelectorAll<HTMLElement>('[aria-invalid="true"], [data-error="true"]')) {
    if (el.matches(FOCUSABLE)) return el;
    const control = el.querySelector<HTMLElement>(FOCUSABLE);
    if (control) return control;
  }
  return null;
}
