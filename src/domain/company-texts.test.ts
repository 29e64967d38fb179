import { describe, expect, it } from 'vitest';
import { companyTermsIn, companyTextsIn } from './company-texts';
import { DEFAULT_DEDUCTION_TERMS } from './deduction-terms';

const texts = {
  intro: 'Velkommen!',
  introEn: 'Welcome!',
  deductionTerms: 'Halve prisen trekkes i lønn.',
  fields: [{ key: 'dept', label: 'Avdeling', labelEn: 'Department', helpText: 'Som i HR', helpTextEn: '' }],
};

describe('issue 15 item 3: company texts in bokmål and English', () => {
  it('English is shown where written, bokmål where it is missing', () => {
    const en = companyTextsIn(texts, 'en');
    expect(en.intro).toBe('Welcome!');
    expect(en.fields[0]).toEqual({
      key: 'dept',
      label: 'Department',
      helpText: 'Som i HR',
      optionLabels: undefined,
    });
    expect(en.deductionTerms).toBe('Halve prisen trekkes i lønn.');
    const nb = companyTextsIn(texts, 'nb');
    expect(nb.intro).toBe('Velkommen!');
    expect(nb.fields[0]?.label).toBe('Avdeling');
  });

  it("a select's choices are named in the page's language, bokmål where no English label is written (the value stays bokmål)", () => {
    const select = {
      intro: '',
      deductionTerms: '',
      fields: [
        { key: 'site', label: 'Sted', options: ['Kontoret', 'Lageret'], optionsEn: ['The office', ''] },
      ],
    };
    expect(companyTextsIn(select, 'en').fields[0]?.optionLabels).toEqual(['The office', 'Lageret']);
    expect(companyTextsIn(select, 'nb').fields[0]?.optionLabels).toEqual(['Kontoret', 'Lageret']);
  });

  it('the terms agreed to: English terms in English, the default in the language when the company wrote none', () => {
    expect(companyTermsIn({ deductionTerms: 'Norsk', deductionTermsEn: 'English' }, 'en')).toBe('English');
    expect(companyTermsIn({ deductionTerms: 'Norsk', deductionTermsEn: 'English' }, 'nb')).toBe('Norsk');
    expect(companyTermsIn({ deductionTerms: '' }, 'en')).toBe(DEFAULT_DEDUCTION_TERMS.en);
  });
});
