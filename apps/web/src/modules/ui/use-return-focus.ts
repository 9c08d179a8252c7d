import { useEffect, useState } from 'react';

/**
 * For a dialog that is mounted while open and unmounted to close it: Mantine's own return of focus
 * runs on its close transition, which an unmounted modal never has, so focus fell to the page body
 * (a keyboard user then tabbed back from the top). The element focused when the dialog first
 * rendered — the control that opened it — gets focus back after it is gone, if it is still on the
 * page and nothing else took focus meanwhile.
 */
export function useReturnFocus(): void {
  const [opener] = useState(() => (typeof document !== 'undefined' && document.activeElement instanceof HTMLElement ? document.activeElement : null));
  useEffect(
    () => () => {
      if (!opener || opener === document.body) return;
      // After React has removed the dialog (and Mantine its focus trap).
      setTimeout(() => {
        const now = document.activeElement;
        if (opener.isConnected && (!now || now === document.body)) opener.focus();
      }, 0);
    },
    [opener],
  );
}
