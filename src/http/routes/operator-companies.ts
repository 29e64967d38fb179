import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { registerCompany } from '../../app/companies/register-company';
import type { AppContext } from '../../app/context';
import { requireOperator } from '../auth/sessions';
import { text } from '../schemas';

export const invoiceAddressSchema = z.object({
  street: text.singleLine({ max: 200, min: 0 }),
  postalCode: text.singleLine({ max: 4, pattern: /^\d{4}$/ }),
  city: text.singleLine({ max: 100, min: 0 }),
  email: text.email().optional(),
  reference: text.singleLine({ max: 100, min: 0 }).optional(),
});

const registerBody = z.object({
  orgNumber: text.singleLine({ max: 20 }),
  name: text.singleLine({ max: 200 }),
  invoiceAddress: invoiceAddressSchema.optional(),
  contact: z.object({
    name: text.singleLine({ max: 200 }),
    email: text.email(),
    phone: text.singleLine({ max: 30, min: 0 }).optional(),
  }),
});

export function operatorCompanyRoutes(ctx: AppContext): FastifyPluginAsyncZod {
  return async (app) => {
    app.post(
      '/api/operator/companies',
      {
        schema: {
          tags: ['operator'],
          summary: 'Register a company and invite its contact person',
          body: registerBody,
          response: {
            201: z.object({ id: z.string(), orgNumber: z.string(), name: z.string(), adminId: z.string() }),
          },
        },
      },
      async (request, reply) => {
        const actor = requireOperator(request, { write: true });
        const { company, admin } = await registerCompany(ctx, { actor, ...request.body });
        return reply
          .status(201)
          .send({ id: company.id, orgNumber: company.orgNumber, name: company.name, adminId: admin.id });
      },
    );
  };
}
