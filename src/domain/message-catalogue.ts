import { formatDateEn, formatDateNb, type IsoDate, type YearMonth } from './calendar';
import type { Ore } from './money';

/**
 * The message catalogue: every SMS and email text the product sends, in bokmål and English, in
 * one place (issue 15). Use cases pick a kind and pass its parameters; the recipient's language
 * picks the text. Pure: no clock, no database; URLs and dates come in as parameters.
 */
export type Language = 'nb' | 'en';
export const LANGUAGES: readonly Language[] = ['nb', 'en'];

/** The stored language of a person, or bokmål when none (or an unknown one) is stored. */
export function languageOf(value: string | null | undefined): Language {
  return value === 'en' ? 'en' : 'nb';
}

/** Kroner as an SMS names them: 69500 → nb "695 kr", en "NOK 695"; øre shown only when not 0. */
export function kroner(ore: Ore, lang: Language): string {
  const whole = Math.trunc(ore / 100);
  const cents = Math.abs(ore % 100);
  const grouped = String(Math.abs(whole)).replace(/\B(?=(\d{3})+(?!\d))/g, lang === 'nb' ? ' ' : ',');
  const sign = ore < 0 ? '-' : '';
  const decimals = cents === 0 ? '' : `${lang === 'nb' ? ',' : '.'}${String(cents).padStart(2, '0')}`;
  return lang === 'nb' ? `${sign}${grouped}${decimals} kr` : `${sign}NOK ${grouped}${decimals}`;
}

function date(d: IsoDate, lang: Language): string {
  return lang === 'nb' ? formatDateNb(d) : formatDateEn(d);
}

/** A billing month as a reader names it: '2027-01' → nb "januar 2027", en "January 2027". */
export function monthName(m: YearMonth, lang: Language): string {
  return date(`${m}-01`, lang).replace(/^1\.? /, '');
}

type Text = { subject?: string; body: string };
type Template<P> = Record<Language, (p: P) => Text>;

type Person = { firstName: string; companyName: string };
type Consent = { consentUrl: string | null };

/** Parameters of each kind. Amounts in øre, dates ISO (Oslo calendar dates). */
export interface MessageParams {
  login_code: { code: string; companyName: string; minutes: number };
  order_received: Person & { startDate: IsoDate; needsApproval: boolean };
  /** `consent` when the company made the ticket: its deduction needs the employee's agreement (issue 15 (a)). */
  ticket_approved: Person & {
    startDate: IsoDate;
    ticketUrl: string;
    consent?: { deductionOre: Ore; consentUrl: string } | null;
  };
  order_rejected: Person & { reason: string | null };
  /** Amounts null when the catalog has no price for the month (the SMS then names none). */
  zones_changed: Person &
    Consent & {
      zoneNames: string[];
      from: IsoDate;
      deductionOre: Ore | null;
      previousDeductionOre: Ore | null;
    };
  category_changed: Person &
    Consent & {
      categoryName: Record<Language, string>;
      /** null when the old ticket had not started and was cancelled. */
      oldEndsOn: IsoDate | null;
      newStartsOn: IsoDate;
      deductionOre: Ore | null;
      ticketUrl: string;
    };
  deduction_raised: Person & Consent & { from: IsoDate; deductionOre: Ore; previousDeductionOre: Ore };
  /** A ticket the company made (by hand or import): its deduction needs the employee's agreement. */
  consent_requested: Person & { from: IsoDate; deductionOre: Ore; consentUrl: string };
  ended_by_company: Person & { lastValidDay: IsoDate | null; now: boolean; cancelled: boolean };
  end_withdrawn: Person & { withdrawnEnd: IsoDate };
  cancelled_by_employee: Person & { lastValidDay: IsoDate | null };
  company_deactivated: Person & { lastValidDay: IsoDate | null };
  /** `consentUrl` set when the company's terms do not say the deduction follows the price list. */
  price_changed: Person & {
    from: IsoDate;
    deductionOre: Ore;
    previousDeductionOre: Ore;
    consentUrl?: string | null;
  };
  /** An announced price version was withdrawn: the deduction stays at `deductionOre`. */
  price_change_withdrawn: Person & { from: IsoDate; deductionOre: Ore };
  ticket_moved: Person & { at: string };
  ticket_move_code: { code: string; companyName: string; minutes: number };
  admin_new_order: { companyName: string; employeeName: string; startDate: IsoDate; portalUrl: string };
  pending_digest: {
    companyName: string;
    portalUrl: string;
    orders: { name: string; phone: string; orderedOn: IsoDate; startDate: IsoDate }[];
  };
  admin_employee_cancelled: {
    companyName: string;
    employeeName: string;
    lastValidDay: IsoDate | null;
    portalUrl: string;
  };
  admin_consent_missing: {
    companyName: string;
    employeeName: string;
    previousDeductionOre: Ore;
    deductionOre: Ore;
    portalUrl: string;
  };
  admin_invoice_issued: {
    companyName: string;
    month: YearMonth;
    invoiceNumber: string;
    totalOre: Ore;
    portalUrl: string;
  };
  /** The billing run could not invoice the month: which ticket held it up, and why. */
  admin_billing_problem: {
    companyName: string;
    month: YearMonth;
    problems: BillingProblem[];
    portalUrl: string;
  };
  /**
   * An invitation to set a password: to the operator's back office (with the staff role) or to a
   * company's portal. `role` is the user's role there: `company_admin`, or an operator staff role.
   */
  invitation: {
    name: string;
    companyName: string | null;
    role: string;
    url: string;
    validDays: number;
  };
  /**
   * Issue 12.4: SMS held back. `scope` says which limit: the global or the company's hourly budget,
   * or a number outside the allowed countries; `companyName` null for the global budget.
   */
  operator_sms_held: {
    scope: 'global' | 'company' | 'country';
    companyName: string | null;
    used: number;
    budget: number;
    backOfficeUrl: string;
  };
  /** A message given up after its last try (issue 18.2): at most one per channel an hour. */
  operator_delivery_failed: {
    channel: 'sms' | 'email';
    kind: string;
    reason: string;
    attempts: number;
    messagesUrl: string;
  };
}

export type MessageKind = keyof MessageParams;

/** A reason the billing run stopped at a company's ticket (the codes of billingProblems). */
export type BillingProblem = { code: 'PRICE_MISSING' | 'ZONES_REQUIRED'; holderName: string };

const problemText: Record<Language, (p: BillingProblem) => string> = {
  nb: (p) =>
    p.code === 'ZONES_REQUIRED'
      ? `Billetten til ${p.holderName} har ingen soner.`
      : `Prislisten har ingen pris for billetten til ${p.holderName}.`,
  en: (p) =>
    p.code === 'ZONES_REQUIRED'
      ? `The ticket of ${p.holderName} has no zones.`
      : `The price list has no price for the ticket of ${p.holderName}.`,
};

/** Who receives a kind and by which channel (for the back office's list of kinds). */
export interface KindInfo {
  kind: MessageKind;
  audience: 'employee' | 'company_admin' | 'operator';
  channel: 'sms' | 'email';
  description: Record<Language, string>;
}

/** A role as an invitation names it (unknown roles fall back to a neutral word). */
const roleName: Record<Language, (role: string) => string> = {
  nb: (role) =>
    (
      ({
        company_admin: 'administrator',
        admin: 'administrator',
        read_only: 'lesebruker (kan se, ikke endre)',
        inspector: 'billettkontrollør',
        payroll: 'lønnsansvarlig (kan se, ikke endre)',
      }) as Record<string, string>
    )[role] ?? 'bruker',
  en: (role) =>
    (
      ({
        company_admin: 'an administrator',
        admin: 'an administrator',
        read_only: 'a read-only user',
        inspector: 'a ticket inspector',
        payroll: 'a payroll user (read only)',
      }) as Record<string, string>
    )[role] ?? 'a user',
};

const consentLine: Record<Language, (url: string | null) => string> = {
  nb: (url) => (url ? ` Trekket er høyere enn det du har godkjent; godkjenn det her: ${url}` : ''),
  en: (url) =>
    url ? ` The deduction is higher than the one you agreed to; please confirm it here: ${url}` : '',
};

const newDeduction: Record<Language, (ore: Ore | null, before: Ore | null) => string> = {
  nb: (ore, before) =>
    ore === null
      ? ''
      : ` Nytt lønnstrekk per måned: ${kroner(ore, 'nb')}${before === null ? '' : ` (før ${kroner(before, 'nb')})`}.`,
  en: (ore, before) =>
    ore === null
      ? ''
      : ` New monthly salary deduction: ${kroner(ore, 'en')}${before === null ? '' : ` (was ${kroner(before, 'en')})`}.`,
};

const endedBody = {
  nb: (p: MessageParams['ended_by_company']) =>
    p.cancelled
      ? `Hei ${p.firstName}! ${p.companyName} har avsluttet bedriftsbilletten din før den startet. Den blir ikke tatt i bruk.`
      : p.now
        ? `Hei ${p.firstName}! ${p.companyName} har avsluttet bedriftsbilletten din fra nå. Den gjelder ikke lenger.`
        : `Hei ${p.firstName}! ${p.companyName} har avsluttet bedriftsbilletten din. Siste gyldige dag er ${date(p.lastValidDay!, 'nb')}.`,
  en: (p: MessageParams['ended_by_company']) =>
    p.cancelled
      ? `Hi ${p.firstName}! ${p.companyName} has ended your company ticket before it started. It will not be used.`
      : p.now
        ? `Hi ${p.firstName}! ${p.companyName} has ended your company ticket from now. It is no longer valid.`
        : `Hi ${p.firstName}! ${p.companyName} has ended your company ticket. The last valid day is ${date(p.lastValidDay!, 'en')}.`,
};

const templates: { [K in MessageKind]: Template<MessageParams[K]> } = {
  login_code: {
    nb: (p) => ({
      body: `${p.code} er koden din for å logge inn på bedriftsbilletten hos ${p.companyName}. Den gjelder i ${p.minutes} minutter.`,
    }),
    en: (p) => ({
      body: `${p.code} is your code to sign in to the company ticket at ${p.companyName}. It is valid for ${p.minutes} minutes.`,
    }),
  },
  order_received: {
    nb: (p) => ({
      body: `Hei ${p.firstName}! Vi har mottatt bestillingen din av bedriftsbillett hos ${p.companyName}, med start ${date(p.startDate, 'nb')}.${p.needsApproval ? ' Du får en ny SMS når den er godkjent.' : ''}`,
    }),
    en: (p) => ({
      body: `Hi ${p.firstName}! We have received your company ticket order at ${p.companyName}, starting ${date(p.startDate, 'en')}.${p.needsApproval ? ' You will get another SMS when it is approved.' : ''}`,
    }),
  },
  ticket_approved: {
    nb: (p) => ({
      body: `Hei ${p.firstName}! Bedriftsbilletten din fra ${p.companyName} er godkjent og gjelder fra ${date(p.startDate, 'nb')}. Åpne billetten: ${p.ticketUrl}${p.consent ? ` Lønnstrekket ditt blir ${kroner(p.consent.deductionOre, 'nb')} per måned, men kan bare trekkes når du har godkjent det: ${p.consent.consentUrl}` : ''}`,
    }),
    en: (p) => ({
      body: `Hi ${p.firstName}! Your company ticket from ${p.companyName} is approved and valid from ${date(p.startDate, 'en')}. Open the ticket: ${p.ticketUrl}${p.consent ? ` Your salary deduction is ${kroner(p.consent.deductionOre, 'en')} per month, but it can only be deducted once you agree to it: ${p.consent.consentUrl}` : ''}`,
    }),
  },
  order_rejected: {
    nb: (p) => ({
      body: `Hei ${p.firstName}! Bestillingen av bedriftsbillett hos ${p.companyName} ble dessverre avvist.${p.reason ? ` Begrunnelse: ${p.reason}` : ''}`,
    }),
    en: (p) => ({
      body: `Hi ${p.firstName}! Your company ticket order at ${p.companyName} was unfortunately rejected.${p.reason ? ` Reason: ${p.reason}` : ''}`,
    }),
  },
  zones_changed: {
    nb: (p) => ({
      body: `Hei ${p.firstName}! ${p.companyName} har endret sonene på bedriftsbilletten din til ${p.zoneNames.join(', ')} fra ${date(p.from, 'nb')}.${newDeduction.nb(p.deductionOre, p.previousDeductionOre)}${consentLine.nb(p.consentUrl)}`,
    }),
    en: (p) => ({
      body: `Hi ${p.firstName}! ${p.companyName} has changed the zones of your company ticket to ${p.zoneNames.join(', ')} from ${date(p.from, 'en')}.${newDeduction.en(p.deductionOre, p.previousDeductionOre)}${consentLine.en(p.consentUrl)}`,
    }),
  },
  category_changed: {
    nb: (p) => ({
      body: `Hei ${p.firstName}! ${p.companyName} har endret bedriftsbilletten din til ${p.categoryName.nb}. ${p.oldEndsOn ? `Den gamle billetten gjelder til og med ${date(p.oldEndsOn, 'nb')}` : 'Den gamle billetten blir ikke tatt i bruk'}; den nye erstatter den fra ${date(p.newStartsOn, 'nb')}.${newDeduction.nb(p.deductionOre, null)} Ny billett: ${p.ticketUrl}${consentLine.nb(p.consentUrl)}`,
    }),
    en: (p) => ({
      body: `Hi ${p.firstName}! ${p.companyName} has changed your company ticket to ${p.categoryName.en}. ${p.oldEndsOn ? `The old ticket is valid up to and including ${date(p.oldEndsOn, 'en')}` : 'The old ticket will not be used'}; the new one replaces it from ${date(p.newStartsOn, 'en')}.${newDeduction.en(p.deductionOre, null)} New ticket: ${p.ticketUrl}${consentLine.en(p.consentUrl)}`,
    }),
  },
  deduction_raised: {
    nb: (p) => ({
      body: `Hei ${p.firstName}! ${p.companyName} har endret bedriftsbilletten din slik at lønnstrekket blir ${kroner(p.deductionOre, 'nb')} per måned fra ${date(p.from, 'nb')} (før ${kroner(p.previousDeductionOre, 'nb')}).${consentLine.nb(p.consentUrl)}`,
    }),
    en: (p) => ({
      body: `Hi ${p.firstName}! ${p.companyName} has changed your company ticket so that the salary deduction becomes ${kroner(p.deductionOre, 'en')} per month from ${date(p.from, 'en')} (was ${kroner(p.previousDeductionOre, 'en')}).${consentLine.en(p.consentUrl)}`,
    }),
  },
  consent_requested: {
    nb: (p) => ({
      body: `Hei ${p.firstName}! ${p.companyName} har gitt deg bedriftsbillett fra ${date(p.from, 'nb')}. Lønnstrekket ditt blir ${kroner(p.deductionOre, 'nb')} per måned, men kan bare trekkes når du har godkjent det: ${p.consentUrl}`,
    }),
    en: (p) => ({
      body: `Hi ${p.firstName}! ${p.companyName} has given you a company ticket from ${date(p.from, 'en')}. Your salary deduction is ${kroner(p.deductionOre, 'en')} per month, but it can only be deducted once you agree to it: ${p.consentUrl}`,
    }),
  },
  ended_by_company: {
    nb: (p) => ({ body: endedBody.nb(p) }),
    en: (p) => ({ body: endedBody.en(p) }),
  },
  end_withdrawn: {
    nb: (p) => ({
      body: `Hei ${p.firstName}! ${p.companyName} har trukket tilbake avslutningen ${date(p.withdrawnEnd, 'nb')}. Bedriftsbilletten din fortsetter som før.`,
    }),
    en: (p) => ({
      body: `Hi ${p.firstName}! ${p.companyName} has withdrawn the end on ${date(p.withdrawnEnd, 'en')}. Your company ticket continues as before.`,
    }),
  },
  cancelled_by_employee: {
    nb: (p) => ({
      body: p.lastValidDay
        ? `Hei ${p.firstName}! Du har sagt opp bedriftsbilletten hos ${p.companyName}. Siste gyldige dag er ${date(p.lastValidDay, 'nb')}.`
        : `Hei ${p.firstName}! Du har sagt opp bedriftsbilletten hos ${p.companyName} før den startet. Den koster deg ingenting.`,
    }),
    en: (p) => ({
      body: p.lastValidDay
        ? `Hi ${p.firstName}! You have cancelled your company ticket at ${p.companyName}. The last valid day is ${date(p.lastValidDay, 'en')}.`
        : `Hi ${p.firstName}! You have cancelled your company ticket at ${p.companyName} before it started. It costs you nothing.`,
    }),
  },
  company_deactivated: {
    nb: (p) => ({
      body: `Hei ${p.firstName}! ${p.companyName} har ikke lenger bedriftsbillett.${p.lastValidDay ? ` Billetten din gjelder til og med ${date(p.lastValidDay, 'nb')}.` : ' Billetten din gjelder ikke lenger.'}`,
    }),
    en: (p) => ({
      body: `Hi ${p.firstName}! ${p.companyName} no longer offers the company ticket.${p.lastValidDay ? ` Your ticket is valid up to and including ${date(p.lastValidDay, 'en')}.` : ' Your ticket is no longer valid.'}`,
    }),
  },
  price_changed: {
    nb: (p) => ({
      body: `Hei ${p.firstName}! Prisen på bedriftsbilletten endres fra ${date(p.from, 'nb')}. Lønnstrekket ditt hos ${p.companyName} blir da ${kroner(p.deductionOre, 'nb')} per måned (før ${kroner(p.previousDeductionOre, 'nb')}).${p.consentUrl ? ` Det høyere trekket må du godkjenne her: ${p.consentUrl}` : ' Spørsmål om trekket kan du stille til arbeidsgiveren din.'}`,
    }),
    en: (p) => ({
      body: `Hi ${p.firstName}! The company ticket price changes from ${date(p.from, 'en')}. Your salary deduction at ${p.companyName} then becomes ${kroner(p.deductionOre, 'en')} per month (was ${kroner(p.previousDeductionOre, 'en')}).${p.consentUrl ? ` Please confirm the higher deduction here: ${p.consentUrl}` : ' Questions about the deduction go to your employer.'}`,
    }),
  },
  ticket_move_code: {
    nb: (p) => ({
      body: `${p.code} er koden for å flytte bedriftsbilletten din fra ${p.companyName} til en ny enhet. Den gjelder i ${p.minutes} minutter. Ba du ikke om dette, kan du se bort fra meldingen.`,
    }),
    en: (p) => ({
      body: `${p.code} is the code to move your company ticket from ${p.companyName} to a new device. It is valid for ${p.minutes} minutes. If you did not ask for this, ignore this message.`,
    }),
  },
  price_change_withdrawn: {
    nb: (p) => ({
      body: `Hei ${p.firstName}! Prisendringen fra ${date(p.from, 'nb')} er trukket tilbake. Lønnstrekket ditt hos ${p.companyName} blir fortsatt ${kroner(p.deductionOre, 'nb')} per måned.`,
    }),
    en: (p) => ({
      body: `Hi ${p.firstName}! The price change from ${date(p.from, 'en')} has been withdrawn. Your salary deduction at ${p.companyName} stays at ${kroner(p.deductionOre, 'en')} per month.`,
    }),
  },
  ticket_moved: {
    nb: (p) => ({
      body: `Hei ${p.firstName}! Bedriftsbilletten din fra ${p.companyName} ble flyttet til en annen enhet ${p.at}. Var det ikke deg, kontakt ${p.companyName}.`,
    }),
    en: (p) => ({
      body: `Hi ${p.firstName}! Your company ticket from ${p.companyName} was moved to another device ${p.at}. If it was not you, contact ${p.companyName}.`,
    }),
  },
  admin_new_order: {
    nb: (p) => ({
      subject: `Ny bestilling venter på godkjenning – ${p.companyName}`,
      body: `Hei! ${p.employeeName} har bestilt bedriftsbillett med start ${date(p.startDate, 'nb')}. Godkjenn eller avvis i bedriftsportalen: ${p.portalUrl}`,
    }),
    en: (p) => ({
      subject: `New order waiting for approval – ${p.companyName}`,
      body: `Hello! ${p.employeeName} has ordered a company ticket starting ${date(p.startDate, 'en')}. Approve or reject it in the company portal: ${p.portalUrl}`,
    }),
  },
  pending_digest: {
    nb: (p) => ({
      subject: `${p.orders.length} bestilling(er) venter på godkjenning – ${p.companyName}`,
      body: [
        `Hei! ${p.orders.length} bestilling(er) av bedriftsbillett hos ${p.companyName} venter på godkjenning:`,
        '',
        ...p.orders.map(
          (o) =>
            `- ${o.name} (${o.phone}), bestilt ${date(o.orderedOn, 'nb')}, start ${date(o.startDate, 'nb')}`,
        ),
        '',
        `Godkjenn eller avvis dem i bedriftsportalen: ${p.portalUrl}`,
      ].join('\n'),
    }),
    en: (p) => ({
      subject: `${p.orders.length} order(s) waiting for approval – ${p.companyName}`,
      body: [
        `Hello! ${p.orders.length} company-ticket order(s) at ${p.companyName} are waiting for approval:`,
        '',
        ...p.orders.map(
          (o) =>
            `- ${o.name} (${o.phone}), ordered ${date(o.orderedOn, 'en')}, start ${date(o.startDate, 'en')}`,
        ),
        '',
        `Approve or reject them in the company portal: ${p.portalUrl}`,
      ].join('\n'),
    }),
  },
  admin_employee_cancelled: {
    nb: (p) => ({
      subject: `${p.employeeName} har sagt opp bedriftsbilletten – ${p.companyName}`,
      body: `Hei! ${p.employeeName} har sagt opp bedriftsbilletten.${p.lastValidDay ? ` Siste gyldige dag er ${date(p.lastValidDay, 'nb')}.` : ' Den var ikke startet og koster ingenting.'} Se bedriftsportalen: ${p.portalUrl}`,
    }),
    en: (p) => ({
      subject: `${p.employeeName} has cancelled the company ticket – ${p.companyName}`,
      body: `Hello! ${p.employeeName} has cancelled the company ticket.${p.lastValidDay ? ` The last valid day is ${date(p.lastValidDay, 'en')}.` : ' It had not started and costs nothing.'} See the company portal: ${p.portalUrl}`,
    }),
  },
  admin_consent_missing: {
    nb: (p) => ({
      subject: `Samtykke mangler – ${p.companyName}`,
      body: `Hei! ${p.employeeName} har ennå ikke godkjent det høyere lønnstrekket (${kroner(p.deductionOre, 'nb')} per måned; godkjent er ${kroner(p.previousDeductionOre, 'nb')}). Trekk ikke mer enn det godkjente før samtykket er gitt. ${p.portalUrl}`,
    }),
    en: (p) => ({
      subject: `Consent missing – ${p.companyName}`,
      body: `Hello! ${p.employeeName} has not yet agreed to the higher salary deduction (${kroner(p.deductionOre, 'en')} per month; agreed is ${kroner(p.previousDeductionOre, 'en')}). Do not deduct more than the agreed amount until consent is given. ${p.portalUrl}`,
    }),
  },
  admin_invoice_issued: {
    nb: (p) => ({
      subject: `Faktura ${p.invoiceNumber} for ${monthName(p.month, 'nb')} – ${p.companyName}`,
      body: `Hei! Faktura ${p.invoiceNumber} for bedriftsbilletter i ${monthName(p.month, 'nb')} er utstedt: ${kroner(p.totalOre, 'nb')}. Last den ned i bedriftsportalen: ${p.portalUrl}`,
    }),
    en: (p) => ({
      subject: `Invoice ${p.invoiceNumber} for ${monthName(p.month, 'en')} – ${p.companyName}`,
      body: `Hello! Invoice ${p.invoiceNumber} for company tickets in ${monthName(p.month, 'en')} has been issued: ${kroner(p.totalOre, 'en')}. Download it in the company portal: ${p.portalUrl}`,
    }),
  },
  admin_billing_problem: {
    nb: (p) => ({
      subject: `Faktureringen for ${monthName(p.month, 'nb')} stoppet – ${p.companyName}`,
      body: `Hei! Fakturaen for ${monthName(p.month, 'nb')} kunne ikke lages ennå:\n${p.problems.map((x) => `- ${problemText.nb(x)}`).join('\n')}\nOperatøren retter det og kjører faktureringen på nytt; dere trenger ikke gjøre noe. ${p.portalUrl}`,
    }),
    en: (p) => ({
      subject: `Billing for ${monthName(p.month, 'en')} stopped – ${p.companyName}`,
      body: `Hello! The invoice for ${monthName(p.month, 'en')} could not be made yet:\n${p.problems.map((x) => `- ${problemText.en(x)}`).join('\n')}\nThe operator corrects it and runs billing again; you need not do anything. ${p.portalUrl}`,
    }),
  },
  invitation: {
    nb: (p) => ({
      subject: p.companyName
        ? `Invitasjon til Bedriftsportalen – ${p.companyName}`
        : 'Invitasjon til Bedriftsbillett',
      body: [
        `Hei ${p.name}!`,
        '',
        p.companyName
          ? `Du er invitert som ${roleName.nb(p.role)} i Bedriftsportalen for ${p.companyName}.`
          : `Du er invitert som ${roleName.nb(p.role)} i operatørens bakkontor.`,
        `Opprett ditt eget passord her (lenken gjelder i ${p.validDays} dager og kan brukes én gang):`,
        p.url,
        '',
        '— Bedriftsbillett',
      ].join('\n'),
    }),
    en: (p) => ({
      subject: p.companyName
        ? `Invitation to the company portal – ${p.companyName}`
        : 'Invitation to Bedriftsbillett',
      body: [
        `Hello ${p.name}!`,
        '',
        p.companyName
          ? `You have been invited as ${roleName.en(p.role)} in the company portal of ${p.companyName}.`
          : `You have been invited as ${roleName.en(p.role)} in the operator's back office.`,
        `Create your own password here (the link is valid for ${p.validDays} days and works once):`,
        p.url,
        '',
        '— Bedriftsbillett',
      ].join('\n'),
    }),
  },
  operator_sms_held: {
    nb: (p) => ({
      subject:
        p.scope === 'country'
          ? `SMS holdt tilbake: nummer utenfor tillatte land${p.companyName ? ` – ${p.companyName}` : ''}`
          : `SMS-budsjettet er nådd${p.companyName ? ` for ${p.companyName}` : ''}: ${p.used} av ${p.budget} siste time`,
      body:
        p.scope === 'country'
          ? `En SMS til et nummer utenfor landene i SMS_ALLOWED_COUNTRIES ble holdt tilbake og ikke sendt${p.companyName ? ` (${p.companyName})` : ''}. Se meldingsloggen: ${p.backOfficeUrl}`
          : `${p.scope === 'global' ? 'Alle bedrifter' : p.companyName} har sendt ${p.used} SMS den siste timen (budsjett ${p.budget}). Flere SMS holdes tilbake og sendes ikke før timen er omme; innloggingskoder avvises. Se tallene og de tilbakeholdte meldingene: ${p.backOfficeUrl}`,
    }),
    en: (p) => ({
      subject:
        p.scope === 'country'
          ? `SMS held back: number outside the allowed countries${p.companyName ? ` – ${p.companyName}` : ''}`
          : `SMS budget reached${p.companyName ? ` for ${p.companyName}` : ''}: ${p.used} of ${p.budget} in the last hour`,
      body:
        p.scope === 'country'
          ? `An SMS to a number outside the countries in SMS_ALLOWED_COUNTRIES was held back and not sent${p.companyName ? ` (${p.companyName})` : ''}. See the message log: ${p.backOfficeUrl}`
          : `${p.scope === 'global' ? 'All companies together' : p.companyName} sent ${p.used} SMS in the last hour (budget ${p.budget}). Further SMS are held back and not sent until the hour has passed; sign-in codes are refused. See the figures and the held messages: ${p.backOfficeUrl}`,
    }),
  },
  operator_delivery_failed: {
    nb: (p) => ({
      subject: `${p.channel === 'sms' ? 'SMS' : 'E-post'} kan ikke leveres – Bedriftsbillett`,
      body: `Hei! En ${p.channel === 'sms' ? 'SMS' : 'e-post'} (${p.kind}) ble gitt opp etter ${p.attempts} forsøk: ${p.reason}\nFlere meldinger kan være rammet; dette varselet kommer høyst én gang i timen for hver kanal. Se de mislykkede i meldingsloggen og send dem igjen når leverandøren svarer: ${p.messagesUrl}`,
    }),
    en: (p) => ({
      subject: `${p.channel === 'sms' ? 'SMS' : 'Email'} cannot be delivered – Bedriftsbillett`,
      body: `Hello! An ${p.channel === 'sms' ? 'SMS' : 'email'} (${p.kind}) was given up after ${p.attempts} tries: ${p.reason}\nMore messages may be affected; this alert comes at most once an hour for each channel. See the failed ones in the message log and send them again once the provider answers: ${p.messagesUrl}`,
    }),
  },
};

/** Every kind, who gets it and how, in the order the back office lists them. */
export const MESSAGE_KINDS: readonly KindInfo[] = [
  info('login_code', 'employee', 'sms', 'Innloggingskode', 'Sign-in code'),
  info('order_received', 'employee', 'sms', 'Bestilling mottatt', 'Order received'),
  info(
    'ticket_approved',
    'employee',
    'sms',
    'Bestilling godkjent, lenke til billetten',
    'Order approved, ticket link',
  ),
  info('order_rejected', 'employee', 'sms', 'Bestilling avvist', 'Order rejected'),
  info('zones_changed', 'employee', 'sms', 'Soner endret, nytt trekk', 'Zones changed, new deduction'),
  info(
    'category_changed',
    'employee',
    'sms',
    'Kategori endret: gammel billett slutter, ny starter',
    'Category changed: old ticket ends, new one starts',
  ),
  info('deduction_raised', 'employee', 'sms', 'Høyere trekk må godkjennes', 'Higher deduction needs consent'),
  info(
    'consent_requested',
    'employee',
    'sms',
    'Billett lagt inn av bedriften: trekket må godkjennes',
    'Ticket added by the company: the deduction needs consent',
  ),
  info('ended_by_company', 'employee', 'sms', 'Avsluttet av bedriften', 'Ended by the company'),
  info('end_withdrawn', 'employee', 'sms', 'Avslutning trukket tilbake', 'End withdrawn'),
  info('cancelled_by_employee', 'employee', 'sms', 'Sagt opp av den ansatte', 'Cancelled by the employee'),
  info('company_deactivated', 'employee', 'sms', 'Bedriften deaktivert', 'Company deactivated'),
  info(
    'price_changed',
    'employee',
    'sms',
    'Ny prisversjon endrer trekket',
    'New price version changes the deduction',
  ),
  info(
    'ticket_move_code',
    'employee',
    'sms',
    'Kode for å flytte billetten til en ny enhet',
    'Code to move the ticket to a new device',
  ),
  info(
    'price_change_withdrawn',
    'employee',
    'sms',
    'Varslet prisendring trukket tilbake',
    'Announced price change withdrawn',
  ),
  info(
    'ticket_moved',
    'employee',
    'sms',
    'Billetten flyttet til en annen enhet',
    'Ticket moved to another device',
  ),
  info(
    'admin_new_order',
    'company_admin',
    'email',
    'Ny bestilling venter (straks)',
    'New order waiting (at once)',
  ),
  info(
    'pending_digest',
    'company_admin',
    'email',
    'Daglig oversikt over ventende bestillinger',
    'Daily digest of waiting orders',
  ),
  info('admin_employee_cancelled', 'company_admin', 'email', 'Ansatt har sagt opp', 'Employee cancelled'),
  info('admin_consent_missing', 'company_admin', 'email', 'Samtykke mangler', 'Consent still missing'),
  info('admin_invoice_issued', 'company_admin', 'email', 'Faktura utstedt', 'Invoice issued'),
  info('admin_billing_problem', 'company_admin', 'email', 'Problem med faktureringen', 'Billing problem'),
  info(
    'invitation',
    'company_admin',
    'email',
    'Invitasjon med lenke til å lage passord (bedrift eller ansatt hos operatøren)',
    'Invitation with a link to set a password (company or operator staff)',
  ),
  info(
    'operator_sms_held',
    'operator',
    'email',
    'SMS holdt tilbake (budsjett eller land)',
    'SMS held back (budget or country)',
  ),
  info(
    'operator_delivery_failed',
    'operator',
    'email',
    'Meldinger kan ikke leveres (høyst én gang i timen)',
    'Messages cannot be delivered (at most once an hour)',
  ),
];

function info(
  kind: MessageKind,
  audience: KindInfo['audience'],
  channel: KindInfo['channel'],
  nb: string,
  en: string,
): KindInfo {
  return { kind, audience, channel, description: { nb, en } };
}

/** The text of one message of `kind` in `lang`: `{ subject?, body }`. */
export function renderMessage<K extends MessageKind>(
  kind: K,
  lang: Language,
  params: MessageParams[K],
): Text {
  return templates[kind][lang](params);
}
