import { deductionTermsText } from './deduction-terms';
import type { Language } from './message-catalogue';

/** A company's own texts of the order page, each in bokmål and optionally in English (issue 15.3). */
export interface CompanyTexts {
  intro: string;
  introEn?: string;
  deductionTerms: string;
  deductionTermsEn?: string;
  fields: {
    key: string;
    label: string;
    labelEn?: string;
    helpText?: string;
    helpTextEn?: string;
    /** A select's options (the stored values, bokmål) and their English labels, by position. */
    options?: string[];
    optionsEn?: string[];
  }[];
}

/** The English text when there is one, else the bokmål one (English is optional). */
export function inLanguage(nb: string, en: string | undefined, lang: Language): string {
  return lang === 'en' && en?.trim() ? en.trim() : nb;
}

/**
 * The deduction terms an employee reads and agrees to in `lang`: the company's English terms when
 * written, else its bokmål terms, else the default terms in `lang`.
 */
export function companyTermsIn(
  texts: Pick<CompanyTexts, 'deductionTerms' | 'deductionTermsEn'>,
  lang: Language,
) {
  return deductionTermsText(inLanguage(texts.deductionTerms, texts.deductionTermsEn, lang), lang);
}

/** The order page's texts in `lang`, bokmål where English is missing. */
export function companyTextsIn(texts: CompanyTexts, lang: Language) {
  return {
    intro: inLanguage(texts.intro, texts.introEn, lang),
    deductionTerms: companyTermsIn(texts, lang),
    fields: texts.fields.map((f) => ({
      key: f.key,
      label: inLanguage(f.label, f.labelEn, lang),
      helpText:
        f.helpText === undefined && !f.helpTextEn
          ? undefined
          : inLanguage(f.helpText ?? '', f.helpTextEn, lang),
      // What each option is called in `lang`; the value sent and stored stays the bokmål option.
      optionLabels: f.options?.map((o, i) => inLanguage(o, f.optionsEn?.[i], lang)),
    })),
  };
}
