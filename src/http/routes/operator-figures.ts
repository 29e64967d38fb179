import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import type { AppContext } from '../../app/context';
import { getFigures } from '../../app/operator/get-figures';
import { findCompany } from '../../db/repositories/operator';
import { AppError } from '../../domain/errors';
import { requireOperator } from '../auth/sessions';
import { text } from '../schemas';

export function operatorFiguresRoutes(ctx: AppContext): FastifyPluginAsyncZod {
  return async (app) => {
    app.get(
      '/api/operator/figures',
      {
        schema: {
          tags: ['operator'],
          summary: 'Active tickets and invoiced amount per month, orders per day, overdue approvals',
          querystring: z.object({
            companyId: text.opaque({ max: 64 }).optional(),
            months: z.coerce.number().int().min(1).max(36).default(12),
          }),
          response: {
            200: z.object({
              months: z.array(z.string()),
              activeTickets: z.array(z.object({ month: z.string(), count: z.number() })),
              invoiced: z.array(z.object({ month: z.string(), totalOre: z.number() })),
              ordersPerDay: z.array(z.object({ date: z.string(), count: z.number() })),
              pendingOverdue: z.array(
                z.object({
                  id: z.string(),
                  companyId: z.string(),
                  companyName: z.string(),
                  firstName: z.string(),
                  lastName: z.string(),
                  createdAt: z.string(),
                }),
              ),
              byCompany: z.array(
                z.object({
                  companyId: z.string(),
                  name: z.string(),
                  status: z.enum(['active', 'deactivated']),
                  activeTickets: z.number(),
                  invoicedOre: z.number(),
                  orders: z.number(),
                  pendingOverdue: z.number(),
                }),
              ),
            }),
          },
        },
      },
      async (request) => {
        requireOperator(request);
        const { companyId, months } = request.query;
        if (companyId && !(await findCompany(ctx.db, companyId))) throw new AppError('NOT_FOUND');
        return getFigures(ctx, { companyId, months });
      },
    );
  };
}
