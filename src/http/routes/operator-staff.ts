import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import type { AppContext } from '../../app/context';
import { inviteStaff } from '../../app/operator/invite-staff';
import { listStaff } from '../../app/operator/list-staff';
import { resendStaffInvitation } from '../../app/operator/resend-staff-invitation';
import { updateStaff } from '../../app/operator/update-staff';
import { OPERATOR_ROLES } from '../../domain/staff-roles';
import { requireOperator } from '../auth/sessions';
import { patchBody, text } from '../schemas';

const role = z
  .enum(OPERATOR_ROLES)
  .describe(
    'admin: everything; read_only: sees the back office, changes nothing; inspector: ticket inspection only',
  );
const staffSchema = z.object({
  id: z.string(),
  email: z.string(),
  name: z.string(),
  role,
  status: z.enum(['active', 'invited', 'disabled']),
  createdAt: z.string(),
});

export function operatorStaffRoutes(ctx: AppContext): FastifyPluginAsyncZod {
  return async (app) => {
    const tags = ['operator'];

    app.get(
      '/api/operator/staff',
      { schema: { tags, response: { 200: z.object({ items: z.array(staffSchema) }) } } },
      async (request) => {
        requireOperator(request);
        return { items: await listStaff(ctx) };
      },
    );

    app.post(
      '/api/operator/staff',
      {
        schema: {
          tags,
          summary: 'Invite a member of staff (admin, read-only or inspector) by email',
          body: z.object({ email: text.email(), name: text.singleLine({ max: 200 }), role }),
          response: { 201: staffSchema },
        },
      },
      async (request, reply) => {
        const actor = requireOperator(request, { write: true });
        return reply.status(201).send(await inviteStaff(ctx, { actor, ...request.body }));
      },
    );

    app.patch(
      '/api/operator/staff/:id',
      {
        schema: {
          tags,
          summary: 'Change the role of a staff member or disable them',
          params: z.object({ id: text.opaque({ max: 64 }) }),
          body: patchBody(z.object({ role: role.optional(), disabled: z.boolean().optional() })),
          response: {
            200: z.object({
              id: z.string(),
              email: z.string(),
              name: z.string(),
              role,
              disabled: z.boolean(),
            }),
          },
        },
      },
      async (request) => {
        const actor = requireOperator(request, { write: true });
        return updateStaff(ctx, { actor, userId: request.params.id, ...request.body });
      },
    );

    app.post(
      '/api/operator/staff/:id/resend-invitation',
      {
        schema: {
          tags,
          params: z.object({ id: text.opaque({ max: 64 }) }),
          response: { 200: z.object({ userId: z.string(), email: z.string() }) },
        },
      },
      async (request) => {
        const actor = requireOperator(request, { write: true });
        return resendStaffInvitation(ctx, { actor, userId: request.params.id });
      },
    );
  };
}
