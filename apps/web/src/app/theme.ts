import { createTheme, CSSVariablesResolver } from '@mantine/core';

export const theme = createTheme({
  primaryColor: 'blue',
  // White text on blue-8 passes WCAG AA (4.5:1); the default shade does not.
  primaryShade: 8,
  focusRing: 'auto',
  fontFamily: 'system-ui, -apple-system, "Segoe UI", Roboto, sans-serif',
  defaultRadius: 'sm',
  // Someone who asked their system for less motion gets no fades or slides (WCAG 2.3.3), the
  // save notices included.
  respectReducedMotion: true,
});

// Text on the pale "light" variant backgrounds; Mantine's shade 9 is still too pale for orange and green.
const LIGHT_VARIANT_TEXT: Record<string, string> = {
  blue: 'var(--mantine-color-blue-9)',
  gray: 'var(--mantine-color-gray-9)',
  red: '#a51d1d',
  orange: '#8f3605',
  yellow: '#7a4a00',
  green: '#1b632c',
  teal: '#055a45',
};

/** Darker text for links, secondary text and light badges/buttons, so every text passes AA contrast. */
export const cssVariablesResolver: CSSVariablesResolver = () => ({
  variables: {},
  light: {
    '--mantine-color-anchor': 'var(--mantine-color-blue-8)',
    '--mantine-color-dimmed': 'var(--mantine-color-gray-7)',
    '--mantine-color-placeholder': 'var(--mantine-color-gray-7)',
    // A field's error under it: Mantine's red-6 on white is 3.3:1; red-9 passes AA.
    '--mantine-color-error': 'var(--mantine-color-red-9)',
    ...Object.fromEntries(Object.entries(LIGHT_VARIANT_TEXT).map(([c, text]) => [`--mantine-color-${c}-light-color`, text])),
  },
  dark: {},
});
