import { describe, expect, it } from 'vitest';
import { type AuditNames, describeAudit } from './audit-text';

const names: AuditNames = {
  actor: 'Kari Nordmann',
  subject: 'Ola Hansen',
  zone: (id) => ({ kristiansand: 'Kristiansand', vennesla: 'Vennesla' })[id] ?? id,
  category: (id) => ({ voksen: 'Voksen', honnor: 'Honnør' })[id] ?? id,
};
const zones = {
  action: 'subscription.zones_changed',
  actorType: 'company_admin',
  before: { zoneIds: ['kristiansand'], zoneSets: [{ zoneIds: ['kristiansand'], validFrom: '2027-01-01' }] },
  after: { zoneIds: ['kristiansand', 'vennesla'], from: '2027-03-01', effective: 'next_month' },
};

describe("issue 16 item 7: an audit entry as a sentence in the reader's language", () => {
  it("the issue's example, in bokmål and in English", () => {
    expect(describeAudit(zones, names, 'nb').sentence).toBe(
      'Kari Nordmann endret soner for Ola Hansen: Kristiansand → Kristiansand, Vennesla, fra 1. mars 2027',
    );
    expect(describeAudit(zones, names, 'en').sentence).toBe(
      'Kari Nordmann changed the zones for Ola Hansen: Kristiansand → Kristiansand, Vennesla, from 1 March 2027',
    );
  });

  it('the differences are labelled words: no ids, no JSON, no zone sets', () => {
    const { changes } = describeAudit(zones, names, 'nb');
    expect(changes).toEqual([{ label: 'Soner', before: 'Kristiansand', after: 'Kristiansand, Vennesla' }]);
    const text = JSON.stringify(describeAudit(zones, names, 'nb'));
    expect(text).not.toMatch(/zoneIds|zoneSets|validFrom|next_month/);
  });

  it('ends: a new end, a moved end and a withdrawn one read differently', () => {
    const ended = {
      action: 'subscription.ended',
      actorType: 'company_admin',
      before: { status: 'active', endDate: null },
      after: { status: 'active', endDate: '2027-03-31', effective: 'date' },
    };
    expect(describeAudit(ended, names, 'nb').sentence).toBe(
      'Kari Nordmann avsluttet abonnementet til Ola Hansen, siste dag 31. mars 2027',
    );
    const moved = {
      ...ended,
      before: { status: 'active', endDate: '2027-03-31' },
      after: { status: 'active', endDate: '2027-04-30' },
    };
    expect(describeAudit(moved, names, 'en').sentence).toBe(
      "Kari Nordmann changed the end date of Ola Hansen's subscription: 31 March 2027 → 30 April 2027",
    );
    expect(describeAudit(moved, names, 'nb').changes).toEqual([
      { label: 'Sluttdato', before: '31. mars 2027', after: '30. april 2027' },
    ]);
    const withdrawn = {
      action: 'subscription.end_withdrawn',
      actorType: 'company_admin',
      before: { endDate: '2027-03-31' },
      after: { endDate: null },
    };
    expect(describeAudit(withdrawn, names, 'nb')).toEqual({
      sentence: 'Kari Nordmann trakk tilbake avslutningen av abonnementet til Ola Hansen (31. mars 2027)',
      changes: [{ label: 'Sluttdato', before: '31. mars 2027', after: 'løpende' }],
    });
  });

  it('an employee acting is named by the employee; the system and unknown actions get general words', () => {
    const ordered = {
      action: 'subscription.created',
      actorType: 'employee',
      before: null,
      after: { startDate: '2027-02-01', categoryId: 'voksen', zoneIds: ['vennesla'] },
    };
    expect(describeAudit(ordered, { ...names, actor: null }, 'nb').sentence).toBe(
      'Ola Hansen bestilte abonnement, fra 1. februar 2027',
    );
    const odd = { action: 'something.new', actorType: 'system', before: null, after: { secretId: 'abc' } };
    expect(describeAudit(odd, { ...names, actor: null }, 'en')).toEqual({
      sentence: 'The system made a change (something.new)',
      changes: [],
    });
  });

  it('category changes name both categories and the day; settings name the setting', () => {
    const category = {
      action: 'subscription.category_changed',
      actorType: 'company_admin',
      before: { categoryId: 'voksen', status: 'active', endDate: null },
      after: {
        categoryId: 'honnor',
        newStartDate: '2027-02-01',
        newSubscriptionId: 'f00',
        status: 'active',
        endDate: '2027-01-31',
      },
    };
    expect(describeAudit(category, names, 'nb').sentence).toBe(
      'Kari Nordmann endret reisendekategori for Ola Hansen: Voksen → Honnør, fra 1. februar 2027',
    );
    const settings = {
      action: 'company.settings_updated',
      actorType: 'company_admin',
      before: { selfService: 'manual', subsidy: { type: 'percent', value: 50 } },
      after: { selfService: 'automatic', subsidy: { type: 'fixed', value: 20000 } },
    };
    expect(describeAudit(settings, names, 'nb')).toEqual({
      sentence: 'Kari Nordmann endret innstillingene',
      changes: [
        { label: 'Selvbetjening', before: 'behandles av administrator', after: 'godkjennes automatisk' },
        { label: 'Tilskudd', before: '50 %', after: '200,00 kr' },
      ],
    });
  });

  it("an employee's consent to a raised deduction names the new amount, not the employee twice", () => {
    const consent = {
      action: 'subscription.deduction_consented',
      actorType: 'employee',
      before: { consentedDeductionOre: 40000 },
      after: { deductionOre: 45000, consentId: 'c0ffee00-0000-4000-8000-000000000000' },
    };
    const employee = { ...names, actor: null };
    expect(describeAudit(consent, employee, 'nb').sentence).toBe(
      'Ola Hansen godtok det nye lønnstrekket: 450,00 kr per måned',
    );
    expect(describeAudit(consent, employee, 'en').sentence).toBe(
      'Ola Hansen agreed to the new deduction: NOK 450.00 a month',
    );
  });
});
