import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import type { AppContext } from '../../app/context';
import { addSubscriptionByHand } from '../../app/subscriptions/add-subscription-by-hand';
import { approveOrder } from '../../app/subscriptions/approve-order';
import { changeCategory, previewCategoryChange } from '../../app/subscriptions/change-category';
import { changeZones } from '../../app/subscriptions/change-zones';
import { endSubscription } from '../../app/subscriptions/end-subscription';
import { exportSubscriptions } from '../../app/subscriptions/export-subscriptions';
import { getSubscriptionWithHistory } from '../../app/subscriptions/get-subscription-history';
import { importSubscriptions, type RowError } from '../../app/subscriptions/import-subscriptions';
import { listCompanySubscriptions } from '../../app/subscriptions/list-subscriptions';
import { previewZoneChange } from '../../app/subscriptions/preview-zone-change';
import { rejectOrder } from '../../app/subscriptions/reject-order';
import { withdrawEnd } from '../../app/subscriptions/withdraw-end';
import { LIST_SORTS } from '../../domain/subscription-list';
import { requireCompanyAdmin } from '../auth/sessions';
import { sendDownload } from '../download';
import { type Lang, pickLang, translateError, translateFieldProblem } from '../error-messages';
import type { FieldProblem } from '../reply-error';
import { calendar, text } from '../schemas';
import { auditEntrySchema } from './company';
import { subscriptionSchema } from './me';

const STATUSES = ['pending', 'approved', 'active', 'ended', 'rejected', 'cancelled'] as const;
/** Item 16.6: the list's filters and sort, shared by the list and its export. */
const listFilters = z.object({
  status: z.enum(STATUSES).optional(),
  q: text
    .search({ max: 100 })
    .optional()
    .describe('words of the name, phone digits, or text of an order-form field'),
  zoneId: text.opaque({ max: 100 }).optional().describe('covers this zone on the day shown'),
  categoryId: text.opaque({ max: 100 }).optional(),
  plannedEnd: z.enum(['yes', 'no']).optional().describe('yes: an end date from today on; no: open-ended'),
  endsBy: calendar.date().optional().describe('ends on or before this day'),
  department: text
    .opaque({ max: 100 })
    .optional()
    .describe('a department id, or none for subscriptions without a department (issue 16 item 3)'),
  sort: z.enum(LIST_SORTS).default('name'),
  dir: z.enum(['asc', 'desc']).default('asc'),
});
export const listQuery = listFilters.extend({
  limit: z.coerce.number().int().min(1).max(200).optional(),
  cursor: text.opaque({ max: 2000 }).optional(),
});
const idParams = z.object({ id: text.opaque({ max: 100 }) });
const zoneIds = z.array(text.opaque({ max: 100 })).max(100);
const categoryId = text.opaque({ max: 100 });
const effectiveChange = z.enum(['next_month', 'now']).default('next_month');
const fieldValue = z.union([text.singleLine({ max: 500, min: 0 }), z.number(), z.boolean()]);
const detailSchema = subscriptionSchema.extend({
  replacedById: z.string().nullable(),
  zoneSets: z.array(
    z.object({ zoneIds: z.array(z.string()), validFrom: z.string(), validTo: z.string().nullable() }),
  ),
  history: z.array(auditEntrySchema),
});
const importRowSchema = z.object({
  line: z.number(),
  firstName: z.string(),
  lastName: z.string(),
  phone: z.string(),
  zoneIds: z.array(z.string()),
  categoryId: z.string(),
  startDate: z.string().describe("the row's own date as written (the default when the cell is empty)"),
  endDate: z
    .string()
    .nullable()
    .describe("the row's end date (Sluttdato column: the ticket's last valid day), null when empty"),
  action: z
    .enum(['create', 'update', 'unchanged'])
    .describe(
      'create: a new subscription; update: the current subscription of the same mobile number is changed; unchanged: it already is as the row says',
    ),
  changes: z
    .array(z.enum(['zones', 'category', 'endDate', 'department']))
    .describe(
      'what the row changes (zones and category from the 1st of next month; the department; the end date)',
    ),
  subscriptionId: z.string().optional().describe('the current subscription an update row changes'),
  fields: z.record(z.string(), z.union([z.string(), z.number(), z.boolean()])),
  departmentId: z.string().nullable().describe('the department named by its name or cost centre'),
  errors: z.array(
    z.object({ field: z.string(), code: z.string(), message: z.string(), details: z.unknown().optional() }),
  ),
});
const importResultSchema = z.object({
  dryRun: z.boolean(),
  valid: z.boolean(),
  total: z.number(),
  encoding: z
    .enum(['UTF-8', 'UTF-16LE', 'UTF-16BE', 'Windows-1252'])
    .nullable()
    .describe('The text encoding the CSV file was read in; null for XLSX'),
  rows: z.array(importRowSchema),
  items: z.array(subscriptionSchema),
});
const splitSchema = z.object({
  priceOre: z.number(),
  companyShareOre: z.number(),
  deductionOre: z.number(),
  taxableBenefitOre: z.number(),
});

/** An import row's error in the reader's language; a field problem (e.g. a name's letters) says which. */
function rowErrorMessage(error: RowError, lang: Lang): string {
  const first = Array.isArray(error.details) ? (error.details[0] as FieldProblem | undefined) : undefined;
  if (first?.problem) return translateFieldProblem(first.problem, error.field, lang, first.params);
  const details = error.details;
  const params =
    details && typeof details === 'object' && !Array.isArray(details)
      ? Object.fromEntries(
          Object.entries(details).filter((e): e is [string, string | number] =>
            ['string', 'number'].includes(typeof e[1]),
          ),
        )
      : undefined;
  return translateError(error.code, lang, { ...params, ...error.params });
}

/** The company admin's subscriptions: list, detail, add by hand, import, approve…end (rules 6, 8–10). */
export function companySubscriptionRoutes(ctx: AppContext): FastifyPluginAsyncZod {
  return async (app) => {
    app.get(
      '/api/company/subscriptions',
      {
        schema: {
          tags: ['company'],
          summary:
            'Subscriptions of the company: filtered, sorted (default by name) and, with limit, paged by cursor',
          querystring: listQuery,
          response: {
            200: z.object({
              items: z.array(subscriptionSchema),
              nextCursor: z
                .string()
                .nullable()
                .optional()
                .describe('with limit: pass as cursor for the next page; null on the last page'),
            }),
          },
        },
      },
      async (request) => {
        const result = await listCompanySubscriptions(ctx, {
          actor: requireCompanyAdmin(request),
          ...request.query,
        });
        return request.query.limit === undefined ? { items: result.items } : result;
      },
    );

    app.get(
      '/api/company/subscriptions/export',
      {
        schema: {
          tags: ['company'],
          summary: 'The subscriptions of the current filter and sort as a CSV or XLSX file',
          querystring: listFilters.extend({ format: z.enum(['csv', 'xlsx']).default('csv') }),
          produces: ['text/csv', 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet'],
        },
      },
      async (request, reply) => {
        const file = await exportSubscriptions(ctx, {
          actor: requireCompanyAdmin(request),
          ...request.query,
          lang: pickLang(request.headers['accept-language']),
        });
        return sendDownload(reply, file);
      },
    );

    app.post(
      '/api/company/subscriptions',
      {
        schema: {
          tags: ['company'],
          summary: 'Add a subscription by hand: approved at once, the ticket SMS goes out',
          body: z.object({
            firstName: text.personName(),
            lastName: text.personName(),
            phone: text.singleLine({ max: 40 }),
            zoneIds,
            categoryId,
            startDate: calendar.date().optional(),
            fields: z.record(text.opaque({ max: 100 }), fieldValue).optional(),
            departmentId: text
              .opaque({ max: 100 })
              .nullable()
              .optional()
              .describe('one of the company’s departments (issue 16 item 3)'),
            idempotencyKey: text.opaque({ max: 100, min: 8 }).optional(),
          }),
          response: { 201: subscriptionSchema, 200: subscriptionSchema },
        },
      },
      async (request, reply) => {
        const { idempotencyKey, ...subscription } = request.body;
        const header = request.headers['idempotency-key'];
        const key = idempotencyKey ?? (typeof header === 'string' ? header.slice(0, 100) : undefined);
        const result = await addSubscriptionByHand(ctx, {
          actor: requireCompanyAdmin(request),
          subscription,
          idempotencyKey: key,
        });
        return reply.status(result.created ? 201 : 200).send(result.subscription);
      },
    );

    app.post(
      '/api/company/subscriptions/import',
      {
        bodyLimit: 10 * 1024 * 1024,
        schema: {
          tags: ['company'],
          summary:
            'Bulk add from a CSV file (its bytes as base64; UTF-8, UTF-16 with BOM or Windows-1252, ; , or tab), CSV text, or an XLSX file (base64); dryRun previews, commit is all or nothing',
          body: z
            .object({
              csvBase64: text.base64({ max: 7_000_000 }).optional(),
              csv: text.file({ max: 5_000_000 }).optional(),
              xlsxBase64: text.file({ max: 7_000_000 }).optional(),
              dryRun: z.boolean().default(false),
            })
            .refine((b) => [b.csvBase64, b.csv, b.xlsxBase64].filter((v) => v !== undefined).length === 1, {
              message: 'one_file',
              path: ['csvBase64'],
              params: { problem: 'one_file' },
            }),
          response: { 200: importResultSchema, 201: importResultSchema },
        },
      },
      async (request, reply) => {
        const { csvBase64, csv, xlsxBase64, dryRun } = request.body;
        const file =
          csvBase64 !== undefined
            ? { csvBase64 }
            : csv !== undefined
              ? { csv }
              : { xlsxBase64: xlsxBase64 ?? '' };
        const result = await importSubscriptions(ctx, { actor: requireCompanyAdmin(request), file, dryRun });
        const lang = pickLang(request.headers['accept-language']);
        const rows = result.rows.map((row) => ({
          ...row,
          errors: row.errors.map((e) => ({ ...e, message: rowErrorMessage(e, lang) })),
        }));
        return reply.status(result.dryRun ? 200 : 201).send({ ...result, rows });
      },
    );

    app.get(
      '/api/company/subscriptions/:id',
      { schema: { tags: ['company'], params: idParams, response: { 200: detailSchema } } },
      async (request) =>
        getSubscriptionWithHistory(ctx, {
          actor: requireCompanyAdmin(request),
          id: request.params.id,
          lang: pickLang(request.headers['accept-language']),
        }),
    );

    app.post(
      '/api/company/subscriptions/:id/approve',
      {
        schema: {
          tags: ['company'],
          params: idParams,
          body: z.object({ startToday: z.boolean().optional() }).default({}),
          response: { 200: subscriptionSchema },
        },
      },
      async (request) =>
        approveOrder(ctx, { actor: requireCompanyAdmin(request), id: request.params.id, ...request.body }),
    );

    app.post(
      '/api/company/subscriptions/:id/reject',
      {
        schema: {
          tags: ['company'],
          params: idParams,
          body: z.object({ reason: text.multiLine({ max: 500 }).optional() }).default({}),
          response: { 200: subscriptionSchema },
        },
      },
      async (request) =>
        rejectOrder(ctx, {
          actor: requireCompanyAdmin(request),
          id: request.params.id,
          reason: request.body.reason,
        }),
    );

    app.post(
      '/api/company/subscriptions/:id/change-zones',
      {
        schema: {
          tags: ['company'],
          params: idParams,
          body: z.object({ zoneIds, effective: effectiveChange }),
          response: { 200: subscriptionSchema },
        },
      },
      async (request) =>
        changeZones(ctx, { actor: requireCompanyAdmin(request), id: request.params.id, ...request.body }),
    );

    app.get(
      '/api/company/subscriptions/:id/change-zones/preview',
      {
        schema: {
          tags: ['company'],
          summary:
            'Price, company share and deduction before and after a zone change, shown before confirming',
          params: idParams,
          querystring: z.object({
            zoneIds: text
              .opaque({ max: 2000, pattern: /^[^,]+(,[^,]+)*$/ })
              .describe('the new zones, comma-separated'),
            effective: effectiveChange,
          }),
          response: {
            200: z.object({
              effective: z.enum(['next_month', 'now']),
              from: z.string(),
              zoneIds: z.array(z.string()),
              before: splitSchema,
              after: splitSchema,
              months: z.array(
                z.object({
                  month: z.string(),
                  beforeOre: z.number().nullable(),
                  afterOre: z.number().nullable(),
                }),
              ),
              deductionRises: z.boolean(),
            }),
          },
        },
      },
      async (request) =>
        previewZoneChange(ctx, {
          actor: requireCompanyAdmin(request),
          id: request.params.id,
          zoneIds: request.query.zoneIds.split(','),
          effective: request.query.effective,
        }),
    );

    app.get(
      '/api/company/subscriptions/:id/change-category/preview',
      {
        schema: {
          tags: ['company'],
          summary: 'The cost effect of a category change, shown before confirming',
          params: idParams,
          querystring: z.object({ categoryId, effective: effectiveChange }),
          response: {
            200: z.object({
              effective: z.enum(['next_month', 'now']),
              categoryId: z.string(),
              oldCancelled: z.boolean(),
              oldEndDate: z.string().nullable(),
              newStartDate: z.string(),
              months: z.array(
                z.object({
                  month: z.string(),
                  oldPriceOre: z.number().nullable(),
                  newPriceOre: z.number().nullable(),
                  totalOre: z.number(),
                }),
              ),
              billedTwiceMonths: z.array(z.string()),
              newMonthly: splitSchema,
            }),
          },
        },
      },
      async (request) =>
        previewCategoryChange(ctx, {
          actor: requireCompanyAdmin(request),
          id: request.params.id,
          ...request.query,
        }),
    );

    app.post(
      '/api/company/subscriptions/:id/change-category',
      {
        schema: {
          tags: ['company'],
          summary: 'End the subscription and start a new one in another traveller category',
          params: idParams,
          body: z.object({ categoryId, effective: effectiveChange }),
          response: { 201: z.object({ ended: subscriptionSchema, created: subscriptionSchema }) },
        },
      },
      async (request, reply) => {
        const result = await changeCategory(ctx, {
          actor: requireCompanyAdmin(request),
          id: request.params.id,
          ...request.body,
        });
        return reply.status(201).send(result);
      },
    );

    app.post(
      '/api/company/subscriptions/:id/end',
      {
        schema: {
          tags: ['company'],
          summary:
            'End at the end of this month (default), now, or on a date from today on (effective "date" + endDate); a date also changes a planned end',
          params: idParams,
          body: z
            .object({
              effective: z.enum(['end_of_month', 'now', 'date']).default('end_of_month'),
              endDate: calendar
                .date()
                .optional()
                .describe('YYYY-MM-DD, from today (Oslo) on; required with effective "date"'),
            })
            // An end date with "now" or "end of month" contradicts itself: refused, not ignored.
            .refine((b) => b.endDate === undefined || b.effective === 'date', {
              message: 'only_with_date',
              path: ['endDate'],
              params: { problem: 'only_with_date' },
            })
            .default({ effective: 'end_of_month' }),
          response: { 200: subscriptionSchema },
        },
      },
      async (request) =>
        endSubscription(ctx, { actor: requireCompanyAdmin(request), id: request.params.id, ...request.body }),
    );

    app.delete(
      '/api/company/subscriptions/:id/end',
      {
        schema: {
          tags: ['company'],
          summary: 'Withdraw a planned end before it happens; the subscription runs on open-ended',
          params: idParams,
          response: { 200: subscriptionSchema },
        },
      },
      async (request) => withdrawEnd(ctx, { actor: requireCompanyAdmin(request), id: request.params.id }),
    );
  };
}
