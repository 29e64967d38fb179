import { z } from 'zod';
import { OPERATOR_ROLES } from '../../domain/staff-roles';

/** A signed-in user as the API shows them. */
export const userSchema = z.object({
  id: z.string(),
  email: z.string(),
  name: z.string(),
  role: z.enum(['operator', 'company_admin']),
  companyId: z.string().optional(),
  operatorRole: z.enum(OPERATOR_ROLES).optional(),
  companyRole: z
    .enum(['full', 'payroll', 'department'])
    .optional()
    .describe(
      'Company admins (issue 16 item 4): payroll reads subscriptions, payroll and invoices only; department acts within departmentIds',
    ),
  departmentIds: z.array(z.string()).optional().describe("A department admin's departments"),
  language: z.enum(['nb', 'en']).describe('The language of the messages this user gets'),
  newOrderNotice: z
    .enum(['immediate', 'digest', 'none'])
    .optional()
    .describe('Company admins: a new order waiting is emailed at once, in the daily digest, or not'),
});
