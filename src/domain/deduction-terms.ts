import type { Language } from './message-catalogue';

/**
 * The deduction terms an employee agrees to when the company has written none (issue 15): the
 * deduction follows the operator's price list, so a price-list change needs no new consent,
 * while a change the company makes that raises it does.
 */
export const DEFAULT_DEDUCTION_TERMS: Record<Language, string> = {
  nb:
    'Arbeidsgiveren trekker din andel av billettprisen i lønnen hver måned så lenge abonnementet varer. ' +
    'Trekket følger operatørens prisliste: endres prisen, endres trekket tilsvarende, og du får beskjed på forhånd. ' +
    'Øker bedriften trekket på annen måte (soner, kategori eller bedriftens andel), ber vi om ditt samtykke først.',
  en:
    'Your employer deducts your share of the ticket price from your salary every month while the subscription lasts. ' +
    "The deduction follows the operator's price list: when the price changes, the deduction changes with it, and you are told in advance. " +
    'If the company raises the deduction in any other way (zones, category or its share), we ask for your consent first.',
};

/** The terms text an employee agrees to: the company's own, or the default in `lang`. */
export function deductionTermsText(companyTerms: string, lang: Language): string {
  return companyTerms.trim() || DEFAULT_DEDUCTION_TERMS[lang];
}

/**
 * Issue 15 (c): whether a price-list raise of the deduction is covered by the terms the employee
 * agreed to. The default terms (no company text) say so: yes. The company's own terms: only when
 * the company has declared it (`declared`, a flag in the settings, never read from the text);
 * not declared = no, so a raise then needs the employee's consent like a company change.
 */
export function followsPriceList(companyTerms: string, declared: boolean | undefined): boolean {
  if (companyTerms.trim() === '') return true;
  return declared === true;
}
