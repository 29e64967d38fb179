import { and, eq, sql } from 'drizzle-orm';
import { companies, users } from '../../db/schema';
import type { InvoiceAddress } from '../../db/schema/companies';
import { AppError } from '../../domain/errors';
import { isValidOrgNumber, normalizeOrgNumber } from '../../domain/org-number';
import { recordAudit } from '../audit';
import { createInvitation } from '../auth/create-invitation';
import type { AppContext, OperatorActor } from '../context';
import { acceptSmsRecipient } from '../sms-recipient';
import { newOrderToken, orderTokenOf, storedColumns } from './order-token';

export interface RegisterCompanyInput {
  actor: OperatorActor;
  orgNumber: string;
  name: string;
  invoiceAddress?: InvoiceAddress | null;
  contact: { name: string; email: string; phone?: string | null };
}

/**
 * Seed step 1: the operator registers a company and its contact person, who gets an email with
 * a login link to create a password. A repeat of the same registration (same organisation number,
 * name and contact email, e.g. a double click) is the same request (issue 15 item 5): it answers
 * the company registered by the first and sends no second invitation.
 */
export async function registerCompany(ctx: AppContext, input: RegisterCompanyInput) {
  const orgNumber = normalizeOrgNumber(input.orgNumber);
  if (!orgNumber || !isValidOrgNumber(orgNumber))
    throw new AppError('ORG_NUMBER_INVALID', { details: [{ path: 'body.orgNumber' }] });
  const name = input.name.trim();
  if (!name)
    throw new AppError('VALIDATION_FAILED', { details: [{ path: 'body.name', message: 'required' }] });
  const email = input.contact.email.trim().toLowerCase();
  let phone: string | null = null;
  if (input.contact.phone?.trim()) {
    phone = acceptSmsRecipient(ctx, input.contact.phone, 'body.contact.phone');
  }
  const now = ctx.clock.now();

  return ctx.db.transaction(async (tx) => {
    const [taken] = await tx.select().from(companies).where(eq(companies.orgNumber, orgNumber));
    if (taken) {
      const [contact] = await tx
        .select()
        .from(users)
        .where(and(eq(users.companyId, taken.id), eq(sql`lower(${users.email})`, email)));
      if (contact && taken.name === name && contact.passwordHash === null)
        return { company: { ...taken, orderToken: orderTokenOf(ctx.config, taken) }, admin: contact };
      throw new AppError('ORG_NUMBER_TAKEN');
    }
    const [emailTaken] = await tx
      .select({ id: users.id })
      .from(users)
      .where(eq(sql`lower(${users.email})`, email));
    if (emailTaken) throw new AppError('EMAIL_TAKEN');

    const orderToken = newOrderToken(ctx.config);
    const [company] = await tx
      .insert(companies)
      .values({
        orgNumber,
        name,
        invoiceAddress: input.invoiceAddress ?? null,
        ...storedColumns(orderToken),
        createdAt: now,
        updatedAt: now,
      })
      .returning();
    if (!company) throw new Error('company insert returned nothing');
    const [admin] = await tx
      .insert(users)
      .values({
        email,
        name: input.contact.name.trim(),
        phone,
        role: 'company_admin',
        companyId: company.id,
        createdAt: now,
      })
      .returning();
    if (!admin) throw new Error('user insert returned nothing');
    await createInvitation(tx, ctx, {
      userId: admin.id,
      email,
      name: admin.name,
      companyId: company.id,
      companyName: company.name,
      kind: 'company_admin',
    });
    await recordAudit(tx, input.actor, now, {
      companyId: company.id,
      action: 'company.registered',
      entityType: 'company',
      entityId: company.id,
      after: {
        orgNumber,
        name,
        invoiceAddress: company.invoiceAddress,
        contact: { name: admin.name, email, phone },
      },
    });
    // The plain token only here, once, for the caller that registers (demo data, tests).
    return { company: { ...company, orderToken: orderToken.token }, admin };
  });
}
