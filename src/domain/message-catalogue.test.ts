import { describe, expect, it } from 'vitest';
import { kroner, MESSAGE_KINDS, monthName, renderMessage } from './message-catalogue';

describe('message catalogue (issue 15)', () => {
  it('kroner: whole kroner without øre, øre when there are any, in each language', () => {
    expect(kroner(69_500, 'nb')).toBe('695 kr');
    expect(kroner(69_500, 'en')).toBe('NOK 695');
    expect(kroner(143_250, 'nb')).toBe('1 432,50 kr');
    expect(kroner(143_250, 'en')).toBe('NOK 1,432.50');
  });

  it('the back office lists every kind once, the "ticket moved" kind included', () => {
    const kinds = MESSAGE_KINDS.map((k) => k.kind);
    expect(new Set(kinds).size).toBe(kinds.length);
    expect(kinds).toContain('ticket_moved');
    expect(kinds).toContain('ended_by_company');
  });

  it('ended by the company: "now" says from now, a date names the last valid day, in nb and en', () => {
    const base = { firstName: 'Ola', companyName: 'Firma AS', cancelled: false };
    expect(
      renderMessage('ended_by_company', 'nb', { ...base, now: true, lastValidDay: '2027-01-15' }).body,
    ).toContain('fra nå');
    expect(
      renderMessage('ended_by_company', 'en', { ...base, now: true, lastValidDay: '2027-01-15' }).body,
    ).toContain('from now');
    expect(
      renderMessage('ended_by_company', 'nb', { ...base, now: false, lastValidDay: '2027-01-31' }).body,
    ).toContain('31. januar 2027');
    expect(
      renderMessage('ended_by_company', 'en', { ...base, now: false, lastValidDay: '2027-01-31' }).body,
    ).toContain('31 January 2027');
  });

  it('category change: says the old ticket ends and the new one replaces it, never just "approved"', () => {
    const body = renderMessage('category_changed', 'nb', {
      firstName: 'Ola',
      companyName: 'Firma AS',
      categoryName: { nb: 'Honnør', en: 'Senior' },
      oldEndsOn: '2027-01-31',
      newStartsOn: '2027-02-01',
      deductionOre: 40_700,
      ticketUrl: 'https://x/billett/t',
      consentUrl: null,
    }).body;
    expect(body).toContain('gamle billetten gjelder til og med 31. januar 2027');
    expect(body).toContain('erstatter den fra 1. februar 2027');
    expect(body).toContain('407 kr');
    expect(body).not.toContain('godkjent');
  });

  it('a billing month is named as a reader says it, in nb and en', () => {
    expect(monthName('2027-01', 'nb')).toBe('januar 2027');
    expect(monthName('2027-12', 'en')).toBe('December 2027');
  });

  it('billing problem: names the ticket and the reason, says the operator acts, in nb and en', () => {
    const params = {
      companyName: 'Firma AS',
      month: '2027-01',
      portalUrl: 'https://x/bedrift',
      problems: [
        { code: 'ZONES_REQUIRED' as const, holderName: 'Per Vik' },
        { code: 'PRICE_MISSING' as const, holderName: 'Emma Hill' },
      ],
    };
    const nb = renderMessage('admin_billing_problem', 'nb', params);
    expect(nb.subject).toBe('Faktureringen for januar 2027 stoppet – Firma AS');
    expect(nb.body).toContain('- Billetten til Per Vik har ingen soner.');
    expect(nb.body).toContain('- Prislisten har ingen pris for billetten til Emma Hill.');
    const en = renderMessage('admin_billing_problem', 'en', params);
    expect(en.body).toContain('- The ticket of Per Vik has no zones.');
    expect(en.body).toContain('The operator corrects it');
  });
});
