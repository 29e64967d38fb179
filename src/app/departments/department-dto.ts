import type { DepartmentRow } from '../../db/repositories/departments';
import type { DepartmentAddress } from '../../db/schema/departments';

/** A department as the API shows it (issue 16 item 3). */
export type DepartmentDto = {
  id: string;
  name: string;
  costCentre: string;
  buyerReference: string | null;
  invoiceAddress: DepartmentAddress | null;
  /** How many subscriptions (any state) belong to it; 0 = it may be deleted. */
  subscriptions: number;
};

export function toDepartmentDto(row: DepartmentRow, subscriptions: number): DepartmentDto {
  return {
    id: row.id,
    name: row.name,
    costCentre: row.costCentre,
    buyerReference: row.buyerReference,
    invoiceAddress: row.invoiceAddress,
    subscriptions,
  };
}

/** The fields an audit entry compares. */
export function auditView(row: DepartmentRow) {
  return {
    name: row.name,
    costCentre: row.costCentre,
    buyerReference: row.buyerReference,
    invoiceAddress: row.invoiceAddress,
  };
}
