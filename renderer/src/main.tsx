import '@mantine/core/styles.css';
import '@mantine/notifications/styles.css';
import '@mantine/dates/styles.css';
import 'dayjs/locale/tr';
import { DatesProvider } from '@mantine/dates';
import {
  createTheme,
  defaultVariantColorsResolver,
  MantineProvider,
  Modal,
  Notification,
  PasswordInput,
  type CSSVariablesResolver,
  type VariantColorsResolver,
} from '@mantine/core';
import { Notifications } from '@mantine/notifications';
import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import './i18n';
import { en } from './i18n/en';
import { tr } from './i18n/tr';
import { App } from './App';

// Mantine's green/yellow/orange shades are too bright for text on their own pale background
// (3.8:1 at best); "light" chips and alerts use near-black text, the colour stays in the background.
const variantColorResolver: VariantColorsResolver = (input) => {
  const base = defaultVariantColorsResolver(input);
  if (input.variant === 'light' && input.color && !input.color.includes('.') && !input.color.startsWith('#')) {
    return { ...base, color: 'var(--mantine-color-black)' };
  }
  return base;
};

// Theme defaults are set before any language is chosen: the close button names both.
const CLOSE_BOTH = `${tr.common.close} / ${en.common.close}`;

const theme = createTheme({
  variantColorResolver,
  respectReducedMotion: true,
  primaryColor: 'indigo',
  // Shade 8 keeps white button text above WCAG AA contrast (4.5:1).
  primaryShade: 8,
  components: {
    Notification: Notification.extend({ defaultProps: { closeButtonProps: { 'aria-label': CLOSE_BOTH } } }),
    Modal: Modal.extend({ defaultProps: { closeButtonProps: { 'aria-label': CLOSE_BOTH } } }),
    PasswordInput: PasswordInput.extend({
      defaultProps: { visibilityToggleButtonProps: { 'aria-label': `${tr.a11y.showPassword} / ${en.a11y.showPassword}` } },
    }),
  },
  defaultRadius: 'sm',
  fontFamily: 'Roboto, "Segoe UI", "Noto Sans", Arial, sans-serif',
});

// Mantine's default "dimmed" grey is below 4.5:1 on white; clerks read these hints all day.
const cssVariablesResolver: CSSVariablesResolver = () => ({
  variables: {},
  light: { '--mantine-color-dimmed': '#5c636a', '--mantine-color-error': '#c92a2a' },
  dark: {},
});

createRoot(document.getElementById('root')!).render(
  <StrictMode>
    <MantineProvider theme={theme} defaultColorScheme="light" cssVariablesResolver={cssVariablesResolver}>
      <DatesProvider settings={{ locale: 'tr', firstDayOfWeek: 1 }}>
        <Notifications position="top-right" />
        <App />
      </DatesProvider>
    </MantineProvider>
  </StrictMode>,
);
