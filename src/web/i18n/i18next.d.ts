import 'i18next';
import type { Resources } from './resources';

// Typed keys: `t('missing.key')` fails `tsc`, so a text cannot be forgotten in the bokmål file.
declare module 'i18next' {
  interface CustomTypeOptions {
    defaultNS: 'common';
    resources: Resources;
  }
}
