import { z } from 'zod';

/** A signed-in user as the API shows them. */
export const userSchema = z.object({
  id: z.string(),
  email: z.string(),
  name: z.string(),
  role: z.enum(['operator', 'company_admin']),
  companyId: z.string().optional(),
  operatorRole: z.enum(['admin', 'read_only']).optional(),
  language: z.enum(['nb', 'en']).describe('The language of the messages this user gets'),
  newOrderNotice: z
    .enum(['immediate', 'digest', 'none'])
    .optional()
    .describe('Company admins: a new order waiting is emailed at once, in the daily digest, or not'),
});
