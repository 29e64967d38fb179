import type { CompanyRow } from '../../db/repositories/operator';
import type { CompanyFigures } from './company-figures';

type Contact = {
  id: string;
  name: string;
  email: string;
  phone: string | null;
  status: 'active' | 'invited' | 'disabled';
};

/** A company as the operator's list and detail pages show it. */
export function operatorCompanyDto(
  row: CompanyRow,
  figures: CompanyFigures | undefined,
  contacts: Contact[],
) {
  return {
    id: row.id,
    orgNumber: row.orgNumber,
    name: row.name,
    status: row.status,
    invoiceAddress: row.invoiceAddress ?? null,
    selfService: row.selfService,
    createdAt: row.createdAt.toISOString(),
    deactivatedAt: row.deactivatedAt?.toISOString() ?? null,
    activeTickets: figures?.activeTickets ?? 0,
    pendingOrders: figures?.pendingOrders ?? 0,
    monthlyAmountOre: figures?.monthlyAmountOre ?? 0,
    contacts,
  };
}

export type OperatorCompanyDto = ReturnType<typeof operatorCompanyDto>;
