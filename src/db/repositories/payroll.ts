import { and, desc, eq, isNull, lte } from 'drizzle-orm';
import type { Tx } from '../engine';
import { invoiceLines, invoices, payrollExports, subscriptions } from '../schema';

export type PayrollExportRow = typeof payrollExports.$inferSelect;

/** The lines of the company's live invoices for the month, with the subscription's current details. */
export async function billedPayrollLines(tx: Tx, companyId: string, month: string) {
  return (
    tx
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
        /** The department the line was billed under (issue 16 item 3). */
        departmentId: invoiceLines.departmentId,
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
      // One invoice per department is several live invoices a month (issue 16 item 3).
      .orderBy(invoices.number, invoiceLines.lineNo)
  );
}

/** The department of each of the company's subscriptions (issue 16 item 3), null = none. */
export async function subscriptionDepartments(
  tx: Tx,
  companyId: string,
): Promise<Map<string, string | null>> {
  const rows = await tx
    .select({ id: subscriptions.id, departmentId: subscriptions.departmentId })
    .from(subscriptions)
    .where(eq(subscriptions.companyId, companyId));
  return new Map(rows.map((r) => [r.id, r.departmentId]));
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
