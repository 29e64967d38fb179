import { and, desc, eq, isNull, lte } from 'drizzle-orm';
import type { Tx } from '../engine';
import { invoiceLines, invoices, payrollExports, subscriptions } from '../schema';

export type PayrollExportRow = typeof payrollExports.$inferSelect;

/** The lines of the company's live invoice for the month, with the subscription's current details. */
export async function billedPayrollLines(tx: Tx, companyId: string, month: string) {
  return tx
    .select({
      subscriptionId: invoiceLines.subscriptionId,
      holderName: invoiceLines.holderName,
      categoryId: invoiceLines.categoryId,
      zoneIds: invoiceLines.zoneIds,
      daysValid: invoiceLines.daysValid,
      priceOre: invoiceLines.grossOre,
      companyShareOre: invoiceLines.companyShareOre,
      firstName: subscriptions.firstName,
      lastName: subscriptions.lastName,
      phone: subscriptions.phone,
      fields: subscriptions.fields,
      startDate: subscriptions.startDate,
      endDate: subscriptions.endDate,
    })
    .from(invoiceLines)
    .innerJoin(invoices, eq(invoices.id, invoiceLines.invoiceId))
    .innerJoin(subscriptions, eq(subscriptions.id, invoiceLines.subscriptionId))
    .where(
      and(
        eq(invoices.companyId, companyId),
        eq(subscriptions.companyId, companyId),
        eq(invoices.month, month),
        eq(invoices.kind, 'invoice'),
        isNull(invoices.creditedAt),
      ),
    )
    .orderBy(invoiceLines.lineNo);
}

export async function insertPayrollExport(tx: Tx, values: typeof payrollExports.$inferInsert) {
  const [row] = await tx.insert(payrollExports).values(values).returning();
  return row!;
}

/** The company's latest export of this month or, if none, of the latest earlier month. */
export async function lastPayrollExport(tx: Tx, companyId: string, month: string) {
  const [row] = await tx
    .select()
    .from(payrollExports)
    .where(and(eq(payrollExports.companyId, companyId), lte(payrollExports.month, month)))
    .orderBy(desc(payrollExports.month), desc(payrollExports.createdAt))
    .limit(1);
  return row ?? null;
}
