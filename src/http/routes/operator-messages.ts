import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import type { AppContext } from '../../app/context';
import { getSmsUsage } from '../../app/operator/get-sms-usage';
import { listMessages } from '../../app/operator/list-messages';
import { resendMessage } from '../../app/operator/resend-message';
import { requireOperator } from '../auth/sessions';
import { text } from '../schemas';

const messageSchema = z.object({
  id: z.string(),
  channel: z.enum(['sms', 'email']),
  to: z.string(),
  subject: z.string(),
  body: z.string(),
  kind: z.string(),
  status: z.enum(['queued', 'sent', 'failed']),
  attempts: z.number(),
  lastError: z.string().nullable(),
  companyId: z.string().nullable(),
  companyName: z.string().nullable(),
  createdAt: z.string(),
  sentAt: z.string().nullable(),
  resendNumber: z.number(),
  resendCount: z.number(),
});

export function operatorMessagesRoutes(ctx: AppContext): FastifyPluginAsyncZod {
  return async (app) => {
    const tags = ['operator'];

    app.get(
      '/api/operator/messages',
      {
        schema: {
          tags,
          summary: 'Every SMS and email with its state, attempts and failure reason',
          querystring: z.object({
            status: z.enum(['queued', 'sent', 'failed']).optional(),
            q: text.search({ max: 200 }).optional(),
            limit: z.coerce.number().int().min(1).max(200).default(50),
            offset: z.coerce.number().int().min(0).default(0),
          }),
          response: { 200: z.object({ total: z.number(), items: z.array(messageSchema) }) },
        },
      },
      async (request) => {
        requireOperator(request);
        return listMessages(ctx, request.query);
      },
    );

    app.get(
      '/api/operator/sms-usage',
      {
        schema: {
          tags,
          summary:
            'SMS of the last hour against the global and per-company hourly budgets, and how many were held back (issue 12.4)',
          response: {
            200: z.object({
              windowMinutes: z.literal(60),
              global: z.object({ used: z.number(), held: z.number(), budget: z.number() }),
              companies: z.array(
                z.object({
                  companyId: z.string(),
                  companyName: z.string(),
                  used: z.number(),
                  held: z.number(),
                  budget: z.number(),
                }),
              ),
              allowedCountries: z.array(z.string()),
            }),
          },
        },
      },
      async (request) => getSmsUsage(ctx, { actor: requireOperator(request) }),
    );

    app.post(
      '/api/operator/messages/:id/resend',
      {
        schema: {
          tags,
          summary: 'Send a message again (idempotent: resendCount is the number of resends already seen)',
          params: z.object({ id: text.opaque({ max: 64 }) }),
          body: z.object({ resendCount: z.number().int().min(0).max(1000) }),
          response: { 200: z.object({ created: z.boolean(), message: messageSchema }) },
        },
      },
      async (request) => {
        const actor = requireOperator(request, { write: true });
        return resendMessage(ctx, {
          actor,
          messageId: request.params.id,
          resendCount: request.body.resendCount,
        });
      },
    );
  };
}
