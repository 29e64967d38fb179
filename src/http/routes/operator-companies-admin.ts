import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import type { AppContext } from '../../app/context';
import { deactivateCompany } from '../../app/operator/deactivate-company';
import { getCompany } from '../../app/operator/get-company';
import { listCompanies } from '../../app/operator/list-companies';
import { requireOperator } from '../auth/sessions';
import { text } from '../schemas';

export const operatorCompanySchema = z.object({
  id: z.string(),
  orgNumber: z.string(),
  name: z.string(),
  status: z.enum(['active', 'deactivated']),
  invoiceAddress: z
    .object({
      street: z.string(),
      postalCode: z.string(),
      city: z.string(),
      email: z.string().optional(),
      reference: z.string().optional(),
    })
    .nullable(),
  selfService: z.enum(['disabled', 'manual', 'automatic']),
  createdAt: z.string(),
  deactivatedAt: z.string().nullable(),
  activeTickets: z.number(),
  pendingOrders: z.number(),
  monthlyAmountOre: z.number(),
  contacts: z.array(
    z.object({
      id: z.string(),
      name: z.string(),
      email: z.string(),
      phone: z.string().nullable(),
      status: z.enum(['active', 'invited', 'disabled']),
    }),
  ),
});

export function operatorCompaniesAdminRoutes(ctx: AppContext): FastifyPluginAsyncZod {
  return async (app) => {
    const tags = ['operator'];

    app.get(
      '/api/operator/companies',
      {
        schema: {
          tags,
          summary: 'Search companies by name or organisation number',
          querystring: z.object({ q: text.search({ max: 200 }).optional() }),
          response: { 200: z.object({ items: z.array(operatorCompanySchema) }) },
        },
      },
      async (request) => {
        requireOperator(request);
        return { items: await listCompanies(ctx, { q: request.query.q }) };
      },
    );

    app.get(
      '/api/operator/companies/:id',
      {
        schema: {
          tags,
          params: z.object({ id: text.opaque({ max: 64 }) }),
          response: { 200: operatorCompanySchema.extend({ deactivationEndDate: z.string() }) },
        },
      },
      async (request) => {
        requireOperator(request);
        return getCompany(ctx, { companyId: request.params.id });
      },
    );

    app.post(
      '/api/operator/companies/:id/deactivate',
      {
        schema: {
          tags,
          summary: 'Deactivate a company: the order link stops at once, tickets end at the end of the month',
          params: z.object({ id: text.opaque({ max: 64 }) }),
          body: z.object({ confirm: z.literal(true) }),
          response: {
            200: z.object({
              companyId: z.string(),
              alreadyDeactivated: z.boolean(),
              endDate: z.string(),
              cancelled: z.number(),
              ending: z.number(),
            }),
          },
        },
      },
      async (request) => {
        const actor = requireOperator(request, { write: true });
        return deactivateCompany(ctx, { actor, companyId: request.params.id });
      },
    );
  };
}
