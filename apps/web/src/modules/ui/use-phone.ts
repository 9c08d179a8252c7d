import { useMediaQuery } from '@mantine/hooks';

/** Below Mantine's `sm` breakpoint (48em, 768 px at the default font size): a phone held upright. */
export const PHONE_QUERY = '(max-width: 47.99em)';

/** Whether the screen is phone-sized (read at once, so the first render already fits). */
export function usePhone(): boolean {
  return useMediaQuery(PHONE_QUERY, false, { getInitialValueInEffect: false });
}
