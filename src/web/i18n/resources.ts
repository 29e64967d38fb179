import type nbBilling from './locales/nb/billing.json';
import type nbCommon from './locales/nb/common.json';
import type nbCompany from './locales/nb/company.json';
import type nbDev from './locales/nb/dev.json';
import type nbInspect from './locales/nb/inspect.json';
import type nbLanding from './locales/nb/landing.json';
import type nbOperator from './locales/nb/operator.json';
import type nbOrder from './locales/nb/order.json';
import type nbWallet from './locales/nb/wallet.json';

/**
 * The shape of one language's texts: one namespace per surface, so each surface's engineer edits
 * only their own JSON files. Types only: the texts themselves are loaded on demand, one file per
 * language and namespace (see ./index.ts), so a phone fetches only its surface in its language.
 */
export type Resources = {
  common: typeof nbCommon;
  landing: typeof nbLanding;
  operator: typeof nbOperator;
  company: typeof nbCompany;
  order: typeof nbOrder;
  wallet: typeof nbWallet;
  inspect: typeof nbInspect;
  dev: typeof nbDev;
  billing: typeof nbBilling;
};

export type Namespace = keyof Resources;
export const NAMESPACES = [
  'common',
  'landing',
  'operator',
  'company',
  'order',
  'wallet',
  'inspect',
  'dev',
  'billing',
] as const satisfies readonly Namespace[];

export const LANGUAGES = ['nb', 'en'] as const;
export type Language = (typeof LANGUAGES)[number];
export const DEFAULT_LANGUAGE: Language = 'nb';
