import { smsHourByCompany } from '../../db/repositories/sms-usage';
import type { AppContext, OperatorActor } from '../context';

/** One company's SMS of the rolling hour against its budget. */
export type CompanySmsUsage = {
  companyId: string;
  companyName: string;
  used: number;
  held: number;
  budget: number;
};

/** What the back office shows of the SMS budgets (issue 12.4). */
export type SmsUsageReport = {
  windowMinutes: 60;
  global: { used: number; held: number; budget: number };
  /** The companies that sent or were held back in the hour, most SMS first (at most 20). */
  companies: CompanySmsUsage[];
  allowedCountries: string[];
};

/**
 * The SMS of the rolling hour (database clock): sent or queued against the global and the
 * per-company hourly budgets (0 = none), and how many were held back, for any operator staff.
 */
export async function getSmsUsage(
  ctx: AppContext,
  _input: { actor: OperatorActor },
): Promise<SmsUsageReport> {
  const rows = await smsHourByCompany(ctx.db);
  const budget = ctx.config.SMS_HOURLY_BUDGET_PER_COMPANY;
  return {
    windowMinutes: 60,
    global: {
      used: rows.reduce((n, r) => n + Number(r.used), 0),
      held: rows.reduce((n, r) => n + Number(r.held), 0),
      budget: ctx.config.SMS_HOURLY_BUDGET,
    },
    companies: rows
      .filter((r) => r.companyId !== null)
      .slice(0, 20)
      .map((r) => ({
        companyId: r.companyId!,
        companyName: r.companyName,
        used: Number(r.used),
        held: Number(r.held),
        budget,
      })),
    allowedCountries: [...ctx.config.SMS_ALLOWED_COUNTRIES],
  };
}
