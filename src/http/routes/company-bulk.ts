import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import type { AppContext } from '../../app/context';
import { BULK_MAX_ROWS, bulkAction, selectByPastedList } from '../../app/subscriptions/bulk-action';
import type { ErrorCode } from '../../domain/errors';
import { requireCompanyAdmin } from '../auth/sessions';
import { pickLang, translateError } from '../error-messages';
import { calendar, text } from '../schemas';

const effectiveChange = z.enum(['next_month', 'now']).default('next_month');
const common = {
  ids: z
    .array(text.opaque({ max: 100 }))
    .min(1)
    .max(BULK_MAX_ROWS),
  dryRun: z.boolean().default(false),
};
const bulkBody = z.discriminatedUnion('action', [
  z.object({ action: z.literal('approve'), ...common }).strict(),
  z
    .object({ action: z.literal('reject'), reason: text.multiLine({ max: 500 }).optional(), ...common })
    .strict(),
  z
    .object({
      action: z.literal('change_zones'),
      zoneIds: z
        .array(text.opaque({ max: 100 }))
        .min(1)
        .max(100),
      effective: effectiveChange,
      ...common,
    })
    .strict(),
  z
    .object({
      action: z.literal('change_category'),
      categoryId: text.opaque({ max: 100 }),
      effective: effectiveChange,
      ...common,
    })
    .strict(),
  z
    .object({
      action: z.literal('end'),
      effective: z.enum(['end_of_month', 'now', 'date']).default('end_of_month'),
      endDate: calendar.date().optional(),
      ...common,
    })
    .strict()
    .refine((b) => b.endDate === undefined || b.effective === 'date', {
      message: 'only_with_date',
      path: ['endDate'],
      params: { problem: 'only_with_date' },
    }),
  z
    .object({
      action: z.literal('move_department'),
      departmentId: text.opaque({ max: 100 }).nullable().describe('null: no department'),
      ...common,
    })
    .strict(),
]);

const rowSchema = z.object({
  id: z.string(),
  name: z.string().nullable(),
  outcome: z.enum(['done', 'unchanged', 'failed', 'would_do']),
  code: z.string().optional(),
  message: z.string().optional().describe("Why the row failed, in the caller's language"),
  details: z.unknown().optional(),
  preview: z.unknown().optional(),
});

/** Issue 16 item 2: bulk actions on the company's subscriptions and selection by a pasted list. */
export function companyBulkRoutes(ctx: AppContext): FastifyPluginAsyncZod {
  return async (app) => {
    app.post(
      '/api/company/subscriptions/bulk',
      {
        schema: {
          tags: ['company'],
          summary: `Approve, reject, change zones or category, end or move to a department up to ${BULK_MAX_ROWS} subscriptions; each row alone and whole (its own audit entry and message), failures listed by row; dryRun previews`,
          body: bulkBody,
          response: {
            200: z.object({
              dryRun: z.boolean(),
              results: z.array(rowSchema),
              summary: z.object({
                total: z.number(),
                done: z.number(),
                unchanged: z.number(),
                failed: z.number(),
                wouldDo: z.number(),
              }),
            }),
          },
        },
      },
      async (request) => {
        const lang = pickLang(request.headers['accept-language']);
        const result = await bulkAction(ctx, { actor: requireCompanyAdmin(request), ...request.body });
        return {
          ...result,
          results: result.results.map((r) =>
            r.code ? { ...r, message: translateError(r.code as ErrorCode, lang) } : r,
          ),
        };
      },
    );

    app.post(
      '/api/company/subscriptions/select',
      {
        schema: {
          tags: ['company'],
          summary:
            'Select current subscriptions by a pasted list (mobile numbers or order-form values such as employee numbers, one per line, as copied from Excel)',
          body: z.object({ text: text.multiLine({ max: 200_000 }) }).strict(),
          response: {
            200: z.object({
              matched: z.array(z.object({ line: z.string(), id: z.string(), name: z.string() })),
              unmatched: z.array(z.string()),
            }),
          },
        },
      },
      async (request) =>
        selectByPastedList(ctx, { actor: requireCompanyAdmin(request), text: request.body.text }),
    );
  };
}
