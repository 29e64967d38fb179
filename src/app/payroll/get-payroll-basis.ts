import type { Tx } from '../../db/engine';
import { isMonthBilled } from '../../db/repositories/billing';
import { type CatalogSnapshot, loadCatalog } from '../../db/repositories/catalog';
import { findCompany } from '../../db/repositories/companies';
import { openConsents } from '../../db/repositories/deduction-consents';
import { billedPayrollLines, subscriptionDepartments } from '../../db/repositories/payroll';
import { lastDayOfMonth, parseYearMonth } from '../../domain/calendar';
import { AppError } from '../../domain/errors';
import { type PayrollBasis, type PayrollRow, payrollAmounts, payrollTotals } from '../../domain/payroll';
import { loadMonthCharges } from '../billing/month-charges';
import type { AppContext, CompanyAdminActor } from '../context';
import {
  type DepartmentFilter,
  departmentFilter,
  passesDepartmentFilter,
} from '../departments/department-filter';

function ticketText(catalog: CatalogSnapshot, categoryId: string, zoneIds: string[]) {
  const category = catalog.categories.find((c) => c.id === categoryId)?.name ?? categoryId;
  const zones = zoneIds.map((id) => catalog.zones.find((z) => z.id === id)?.name ?? id);
  return `${category}, ${zones.join(', ')}`;
}

type RowWithoutConsent = Omit<PayrollRow, 'consentMissing' | 'consentedDeductionOre'>;

/** Issue 15: a row whose raised deduction (in force by the month's end) is not yet agreed to. */
async function markMissingConsents(
  tx: Tx,
  companyId: string,
  month: string,
  rows: RowWithoutConsent[],
): Promise<PayrollRow[]> {
  const open = await openConsents(tx, companyId, { by: lastDayOfMonth(month) });
  const bySubscription = new Map(open.map((c) => [c.subscriptionId, c]));
  return rows.map((row) => {
    const consent = bySubscription.get(row.subscriptionId);
    return {
      ...row,
      consentMissing: consent !== undefined,
      consentedDeductionOre: consent?.consentedDeductionOre ?? null,
    };
  });
}

/**
 * Rule 12: the payroll-deduction basis of one company and month. Provisional (from the current
 * subscriptions and subsidy) until the month is billed; then final, from the invoice lines with
 * the company's share as it was billed. `departments` narrows the rows (issue 16 item 3).
 */
export async function loadPayrollBasis(
  tx: Tx,
  companyId: string,
  month: string,
  catalog: CatalogSnapshot,
  departments: DepartmentFilter = { scope: null },
): Promise<PayrollBasis> {
  month = parseYearMonth(month);
  const company = await findCompany(tx, companyId);
  if (!company) throw new AppError('NOT_FOUND');
  const final = await isMonthBilled(tx, companyId, month);
  let rows: RowWithoutConsent[];
  const filtered = departments.department !== undefined || departments.scope !== null;
  if (final) {
    // Issue 16 item 3: a billed month is filtered by the department each line was billed under.
    const lines = (await billedPayrollLines(tx, companyId, month)).filter((l) =>
      passesDepartmentFilter(departments, l.departmentId),
    );
    rows = lines.map(({ departmentId: _d, ...l }) => {
      const deductionOre = l.priceOre - l.companyShareOre;
      return {
        ...l,
        subscriptionId: l.subscriptionId!,
        ticket: ticketText(catalog, l.categoryId, l.zoneIds),
        companyShareOre: l.companyShareOre,
        deductionOre,
        taxableBenefitOre: l.priceOre - deductionOre,
      };
    });
  } else {
    const all = (await loadMonthCharges(tx, [companyId], month, catalog.prices)).get(companyId) ?? [];
    // Issue 16 item 3: a month not yet billed is filtered by each subscription's department now.
    const departmentOf = filtered ? await subscriptionDepartments(tx, companyId) : null;
    const charges = departmentOf
      ? all.filter((c) => passesDepartmentFilter(departments, departmentOf.get(c.subscriptionId) ?? null))
      : all;
    rows = charges.map((c) => ({
      ...c,
      ...payrollAmounts(c, company.subsidy),
      ticket: ticketText(catalog, c.categoryId, c.zoneIds),
    }));
  }
  const marked = await markMissingConsents(tx, companyId, month, rows);
  return {
    month,
    final,
    fieldColumns: company.orderForm.fields.map((f) => ({ key: f.key, label: f.label, type: f.type })),
    rows: marked,
    totals: payrollTotals(marked),
  };
}

/**
 * The payroll basis for a company admin: `department` (an id or `none`) narrows it to one
 * department; a department admin gets only their departments (issue 16 items 3 and 4).
 */
export async function getPayrollBasis(
  ctx: AppContext,
  input: { actor: CompanyAdminActor; month: string; department?: string },
) {
  return loadPayrollBasis(
    ctx.db,
    input.actor.companyId,
    input.month,
    await loadCatalog(ctx.db),
    departmentFilter(input.actor, input.department),
  );
}
