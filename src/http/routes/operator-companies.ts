import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { registerCompany } from '../../app/companies/register-company';
import type { AppContext } from '../../app/context';
import { requireOperator } from '../auth/sessions';

export const invoiceAddressSchema = z.object({
  street: z.string().trim().max(200),
  postalCode: z
    .string()
    .trim()
    .regex(/^\d{4}$/, 'four digits'),
  city: z.string().trim().max(100),
  email: z.email().optional(),
  reference: z.string().trim().max(100).optional(),
});

const registerBody = z.object({
  orgNumber: z.string().max(20),
  name: z.string().trim().min(1).max(200),
  invoiceAddress: invoiceAddressSchema.optional(),
  contact: z.object({
    name: z.string().trim().min(1).max(200),
    email: z.email().max(320),
    phone: z.string().max(30).optional(),
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
