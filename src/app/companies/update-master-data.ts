import { updateCompany } from '../../db/repositories/companies';
import { findCompany } from '../../db/repositories/operator';
import type { InvoiceAddress } from '../../db/schema/companies';
import { AppError } from '../../domain/errors';
import { isValidOrgNumber } from '../../domain/org-number';
import { recordAudit } from '../audit';
import type { AppContext, CompanyAdminActor, OperatorActor } from '../context';
import { assertCanChange, assertFullAdmin } from '../context';
import { ENDPOINT_SCHEMES, ORGNR_SCHEME, toMasterDataDto } from './master-data';

export type MasterDataPatch = {
  name?: string;
  invoiceAddress?: { street: string; postalCode: string; city: string };
  /** null clears it. */
  invoiceEmail?: string | null;
  /** null clears it (the invoice then carries "Bedriftsbillett <month>"). */
  buyerReference?: string | null;
  /** `scheme:id`; null goes back to the organisation number. */
  peppolEndpoint?: string | null;
};

/** A known EAS scheme; a 0192 endpoint must be a valid organisation number (MOD11). */
function checkEndpoint(endpoint: string): string {
  const [scheme, id] = endpoint.split(':') as [string, string];
  if (!ENDPOINT_SCHEMES.includes(scheme) || (scheme === ORGNR_SCHEME && !isValidOrgNumber(id))) {
    throw new AppError('VALIDATION_FAILED', {
      details: [{ path: 'body.peppolEndpoint', problem: 'pattern' }],
    });
  }
  return endpoint;
}

/** The flat view the audit entry compares: one key per field a person edits. */
function flat(dto: ReturnType<typeof toMasterDataDto>) {
  return {
    name: dto.name,
    street: dto.invoiceAddress?.street ?? null,
    postalCode: dto.invoiceAddress?.postalCode ?? null,
    city: dto.invoiceAddress?.city ?? null,
    invoiceEmail: dto.invoiceEmail,
    buyerReference: dto.buyerReference,
    peppolEndpoint: dto.peppolEndpoint,
  };
}

/**
 * Issue 16 item 5: the company's name, invoice address, invoice email, EHF buyer reference and
 * Peppol endpoint, changed by one of its admins or by the operator; audited with before and after
 * (only what changed), and taken by the next invoice (issued invoices keep their snapshot).
 * A company admin reaches only the own company (the route passes the session's company).
 */
export async function updateMasterData(
  ctx: AppContext,
  input: { actor: CompanyAdminActor | OperatorActor; companyId: string; patch: MasterDataPatch },
) {
  assertCanChange(input.actor);
  if (input.actor.type === 'company_admin') assertFullAdmin(input.actor);
  const now = ctx.clock.now();
  const { patch } = input;
  if (input.actor.type === 'company_admin' && input.actor.companyId !== input.companyId)
    throw new AppError('NOT_FOUND');
  return ctx.db.transaction(async (tx) => {
    const company = await findCompany(tx, input.companyId, { forUpdate: true });
    if (!company) throw new AppError('NOT_FOUND');
    const current: InvoiceAddress = company.invoiceAddress ?? { street: '', postalCode: '', city: '' };
    const address: InvoiceAddress = { ...current, ...(patch.invoiceAddress ?? {}) };
    const optional = (key: 'email' | 'reference' | 'peppolEndpoint', value: string | null | undefined) => {
      if (value === undefined) return;
      if (value === null || value === '') delete address[key];
      else address[key] = value;
    };
    optional('email', patch.invoiceEmail);
    optional('reference', patch.buyerReference);
    const endpoint = patch.peppolEndpoint ? checkEndpoint(patch.peppolEndpoint) : patch.peppolEndpoint;
    optional('peppolEndpoint', endpoint === `${ORGNR_SCHEME}:${company.orgNumber}` ? null : endpoint);
    const before = flat(toMasterDataDto(company));
    const updated = await updateCompany(
      tx,
      company.id,
      { name: patch.name ?? company.name, invoiceAddress: address },
      now,
    );
    const after = flat(toMasterDataDto(updated));
    const keys = (Object.keys(after) as (keyof typeof after)[]).filter((k) => after[k] !== before[k]);
    if (keys.length > 0) {
      await recordAudit(tx, input.actor, now, {
        companyId: company.id,
        action: 'company.master_data_updated',
        entityType: 'company',
        entityId: company.id,
        before: Object.fromEntries(keys.map((k) => [k, before[k]])),
        after: Object.fromEntries(keys.map((k) => [k, after[k]])),
      });
    }
    return toMasterDataDto(updated);
  });
}
