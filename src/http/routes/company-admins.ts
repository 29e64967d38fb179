import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { inviteAdmin } from '../../app/admins/invite-admin';
import { listCompanyAdmins } from '../../app/admins/list-admins';
import { removeAdmin } from '../../app/admins/remove-admin';
import { resendInvitation } from '../../app/auth/resend-invitation';
import type { AppContext } from '../../app/context';
import { requireCompanyAdmin } from '../auth/sessions';
import { text } from '../schemas';

const adminSchema = z.object({
  id: z.string(),
  name: z.string(),
  email: z.string(),
  status: z.enum(['invited', 'active']),
  createdAt: z.string(),
  isYou: z.boolean(),
  role: z
    .enum(['full', 'payroll', 'department'])
    .describe(
      'payroll: reads subscriptions, payroll basis and invoices; changes nothing. department: acts only within departmentIds',
    ),
  departmentIds: z
    .array(z.string())
    .optional()
    .describe("A department admin's departments (issue 16 item 4)"),
});
const idParams = z.object({ id: text.opaque({ max: 100 }) });

/** Several admins per company: list, invite, resend, remove (at least one always remains). */
export function companyAdminRoutes(ctx: AppContext): FastifyPluginAsyncZod {
  return async (app) => {
    app.get(
      '/api/company/admins',
      { schema: { tags: ['company'], response: { 200: z.object({ items: z.array(adminSchema) }) } } },
      async (request) => ({ items: await listCompanyAdmins(ctx, { actor: requireCompanyAdmin(request) }) }),
    );

    app.post(
      '/api/company/admins',
      {
        schema: {
          tags: ['company'],
          summary: 'Invite another administrator (email with a link to set a password)',
          body: z.object({
            name: text.singleLine({ max: 200 }),
            email: text.email(),
            role: z.enum(['full', 'payroll', 'department']).default('full'),
            departmentIds: z
              .array(text.opaque({ max: 100 }))
              .max(100)
              .optional()
              .describe('Required for a department admin: the departments they act within'),
          }),
          response: { 201: adminSchema },
        },
      },
      async (request, reply) => {
        const admin = await inviteAdmin(ctx, { actor: requireCompanyAdmin(request), ...request.body });
        return reply.status(201).send(admin);
      },
    );

    app.post(
      '/api/company/admins/:id/resend-invitation',
      {
        schema: {
          tags: ['company'],
          params: idParams,
          response: { 200: z.object({ userId: z.string(), email: z.string() }) },
        },
      },
      async (request) => {
        const actor = requireCompanyAdmin(request);
        return resendInvitation(ctx, { actor, companyId: actor.companyId, userId: request.params.id });
      },
    );

    app.delete(
      '/api/company/admins/:id',
      { schema: { tags: ['company'], params: idParams } },
      async (request, reply) => {
        await removeAdmin(ctx, { actor: requireCompanyAdmin(request), userId: request.params.id });
        return reply.status(204).send();
      },
    );
  };
}
