import { lazy } from 'react';

/** The billing engineer's pages (./invoices, ./payroll), loaded on first visit. */
export const CompanyInvoicesPage = lazy(() =>
  import('./invoices/CompanyInvoicesPage').then((m) => ({ default: m.CompanyInvoicesPage })),
);
export const PayrollPage = lazy(() =>
  import('./payroll/PayrollPage').then((m) => ({ default: m.PayrollPage })),
);
