import enBilling from './locales/en/billing.json';
import enCommon from './locales/en/common.json';
import enCompany from './locales/en/company.json';
import enDev from './locales/en/dev.json';
import enInspect from './locales/en/inspect.json';
import enLanding from './locales/en/landing.json';
import enOperator from './locales/en/operator.json';
import enOrder from './locales/en/order.json';
import enWallet from './locales/en/wallet.json';
import nbBilling from './locales/nb/billing.json';
import nbCommon from './locales/nb/common.json';
import nbCompany from './locales/nb/company.json';
import nbDev from './locales/nb/dev.json';
import nbInspect from './locales/nb/inspect.json';
import nbLanding from './locales/nb/landing.json';
import nbOperator from './locales/nb/operator.json';
import nbOrder from './locales/nb/order.json';
import nbWallet from './locales/nb/wallet.json';

// One namespace per surface, so each surface's engineer edits only their own JSON files.
export const resources = {
  nb: {
    common: nbCommon,
    landing: nbLanding,
    operator: nbOperator,
    company: nbCompany,
    order: nbOrder,
    wallet: nbWallet,
    inspect: nbInspect,
    dev: nbDev,
    billing: nbBilling,
  },
  en: {
    common: enCommon,
    landing: enLanding,
    operator: enOperator,
    company: enCompany,
    order: enOrder,
    wallet: enWallet,
    inspect: enInspect,
    dev: enDev,
    billing: enBilling,
  },
} as const;

export const LANGUAGES = ['nb', 'en'] as const;
export type Language = (typeof LANGUAGES)[number];
export const DEFAULT_LANGUAGE: Language = 'nb';
export const NAMESPACES = Object.keys(resources.nb) as (keyof typeof resources.nb)[];
