import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { listAudit } from '../../app/audit/list-audit';
import { getDashboard } from '../../app/companies/get-dashboard';
import { getOrderLink } from '../../app/companies/get-order-link';
import { getSettings } from '../../app/companies/get-settings';
import { WIDGET_SCRIPT } from '../../app/companies/order-link';
import { orderLinkPoster } from '../../app/companies/order-link-poster';
import { rotateOrderLink } from '../../app/companies/rotate-order-link';
import { updateSettings } from '../../app/companies/update-settings';
import type { AppContext } from '../../app/context';
import { requireCompanyAdmin } from '../auth/sessions';
import { sendDownload } from '../download';
import { pickLang } from '../error-messages';
import { calendar, patchBody, text } from '../schemas';

const subsidySchema = z.discriminatedUnion('type', [
  z.object({ type: z.literal('none'), value: z.number().optional() }),
  z.object({ type: z.literal('percent'), value: z.number().min(0).max(100) }),
  z.object({ type: z.literal('fixed'), value: z.number().int().min(0) }),
]);
const fieldSchema = z.object({
  key: text
    .opaque({ max: 40, pattern: /^[a-zA-Z][a-zA-Z0-9_-]{0,39}$/ })
    .describe('letters, digits, - and _, starting with a letter'),
  label: text.singleLine({ max: 100 }),
  type: z.enum(['text', 'number', 'select', 'checkbox']),
  required: z.boolean().default(false),
  helpText: text.singleLine({ max: 300, min: 0 }).optional(),
  labelEn: text.singleLine({ max: 100, min: 0 }).optional(),
  helpTextEn: text.singleLine({ max: 300, min: 0 }).optional(),
  optionsEn: z
    .array(text.singleLine({ max: 100, min: 0 }))
    .max(100)
    .optional()
    .describe("English labels of a select's options, by position; empty = the bokmål option"),
  options: z
    .array(text.singleLine({ max: 100 }))
    .max(50)
    .optional(),
});
const orderFormSchema = z.object({
  kind: z.enum(['standard', 'custom']),
  intro: text.multiLine({ max: 2000 }),
  introEn: text.multiLine({ max: 2000 }).optional(),
  fields: z.array(fieldSchema).max(20),
  offeredZoneIds: z
    .array(text.opaque({ max: 100 }))
    .max(200)
    .nullable(),
  offeredCategoryIds: z
    .array(text.opaque({ max: 100 }))
    .max(50)
    .nullable(),
});
/** The order form as the server sends it (responses are plain strings; requests pass the boundary). */
const orderFormResponse = z.object({
  kind: z.enum(['standard', 'custom']),
  intro: z.string(),
  fields: z.array(
    z.object({
      key: z.string(),
      label: z.string(),
      type: z.enum(['text', 'number', 'select', 'checkbox']),
      required: z.boolean(),
      helpText: z.string().optional(),
      labelEn: z.string().optional(),
      helpTextEn: z.string().optional(),
      options: z.array(z.string()).optional(),
      optionsEn: z.array(z.string()).optional(),
    }),
  ),
  introEn: z.string().optional(),
  deductionTermsEn: z.string().optional(),
  offeredZoneIds: z.array(z.string()).nullable(),
  offeredCategoryIds: z.array(z.string()).nullable(),
});
const settingsSchema = z.object({
  company: z.object({
    id: z.string(),
    orgNumber: z.string(),
    name: z.string(),
    invoiceAddress: z
      .object({
        street: z.string(),
        postalCode: z.string(),
        city: z.string(),
        email: z.string().optional(),
        reference: z.string().optional(),
      })
      .nullable(),
  }),
  selfService: z.enum(['disabled', 'manual', 'automatic']),
  subsidy: z.object({ type: z.enum(['none', 'percent', 'fixed']), value: z.number().optional() }),
  orderForm: orderFormResponse,
  deductionTerms: z.string(),
  deductionTermsEn: z.string(),
  deductionFollowsPriceList: z
    .boolean()
    .describe(
      "Issue 15 (c): the terms say the deduction follows the operator's price list (always true with the default terms); when false, a price raise asks the employee's consent",
    ),
  /** Origins whose pages may frame the order page (CSP frame-ancestors); empty = none. */
  widgetOrigins: z.array(z.string()),
  invoiceSplit: z
    .enum(['company', 'department'])
    .describe(
      'Issue 16 item 3: one invoice for all, or one invoice per department (each its own buyer reference)',
    ),
});
const orderLinkSchema = z.object({ url: z.string(), embedSnippet: z.string(), scriptSnippet: z.string() });
const statusCounts = z.object({
  pending: z.number(),
  approved: z.number(),
  active: z.number(),
  ended: z.number(),
  rejected: z.number(),
  cancelled: z.number(),
});
/** An audit entry as people read it (issue 16, item 7): a sentence and readable differences. */
export const auditEntrySchema = z.object({
  id: z.number(),
  at: z.string(),
  actorType: z.string(),
  actorName: z.string().nullable(),
  action: z.string(),
  subject: z.object({ name: z.string(), subscriptionId: z.string() }).nullable(),
  sentence: z.string().describe("the entry as one sentence in the reader's language (Accept-Language)"),
  changes: z.array(z.object({ label: z.string(), before: z.string(), after: z.string() })),
});

/** The company portal's own data: settings, order link and poster, dashboard, audit log. */
export function companyRoutes(ctx: AppContext): FastifyPluginAsyncZod {
  return async (app) => {
    app.get(
      '/api/company/settings',
      { schema: { tags: ['company'], response: { 200: settingsSchema } } },
      async (request) => getSettings(ctx, { actor: requireCompanyAdmin(request) }),
    );

    app.patch(
      '/api/company/settings',
      {
        schema: {
          tags: ['company'],
          summary:
            'Change self-service, subsidy, order form, deduction terms, allowed widget origins and one invoice for all or per department (audited)',
          body: patchBody(
            z
              .object({
                selfService: z.enum(['disabled', 'manual', 'automatic']).optional(),
                subsidy: subsidySchema.optional(),
                orderForm: orderFormSchema.partial().optional(),
                deductionTerms: text.multiLine({ max: 5000 }).optional(),
                deductionTermsEn: text.multiLine({ max: 5000 }).optional(),
                deductionFollowsPriceList: z
                  .boolean()
                  .optional()
                  .describe("The company's own terms say the deduction follows the price list (default no)"),
                widgetOrigins: z
                  .array(text.opaque({ max: 200 }))
                  .max(20)
                  .optional(),
                invoiceSplit: z.enum(['company', 'department']).optional(),
              })
              .strict(),
          ),
          response: { 200: settingsSchema },
        },
      },
      async (request) => {
        const { subsidy, ...rest } = request.body;
        const patch = {
          ...rest,
          ...(subsidy ? { subsidy: subsidy.type === 'none' ? { type: 'none' as const } : subsidy } : {}),
        };
        return updateSettings(ctx, { actor: requireCompanyAdmin(request), patch });
      },
    );

    app.get(
      '/api/company/order-link',
      { schema: { tags: ['company'], response: { 200: orderLinkSchema } } },
      async (request) => getOrderLink(ctx, { actor: requireCompanyAdmin(request) }),
    );

    app.post(
      '/api/company/order-link/rotate',
      {
        schema: {
          tags: ['company'],
          summary: 'Make a new order link; the old one stops working at once',
          response: { 200: orderLinkSchema },
        },
      },
      async (request) => rotateOrderLink(ctx, { actor: requireCompanyAdmin(request) }),
    );

    app.get(
      '/api/company/order-link/poster.pdf',
      { schema: { tags: ['company'], summary: 'A printable A4 poster with a QR code for the order link' } },
      async (request, reply) => {
        const pdf = await orderLinkPoster(ctx, { actor: requireCompanyAdmin(request) });
        return sendDownload(
          reply,
          { contentType: 'application/pdf', filename: 'bestillingsplakat.pdf', body: pdf },
          'inline',
        );
      },
    );

    app.get(
      '/api/widget.js',
      { schema: { tags: ['company'], summary: 'The script behind the order-link script snippet' } },
      async (_request, reply) =>
        reply
          .type('text/javascript; charset=utf-8')
          .header('cache-control', 'public, max-age=3600')
          .header('cross-origin-resource-policy', 'cross-origin')
          .send(WIDGET_SCRIPT),
    );

    app.get(
      '/api/company/dashboard',
      {
        schema: {
          tags: ['company'],
          response: {
            200: z.object({
              month: z.string(),
              counts: statusCounts,
              monthlyCost: z.object({
                subscriptions: z.number(),
                priceOre: z.number(),
                companyShareOre: z.number(),
                deductionOre: z.number(),
              }),
              openConsents: z
                .array(
                  z.object({
                    subscriptionId: z.string(),
                    name: z.string(),
                    consentedDeductionOre: z.number(),
                    deductionOre: z.number(),
                    effectiveFrom: z.string(),
                    since: z.string(),
                  }),
                )
                .describe('Raised deductions waiting for the employee to agree (samtykke mangler)'),
            }),
          },
        },
      },
      async (request) => getDashboard(ctx, { actor: requireCompanyAdmin(request) }),
    );

    app.get(
      '/api/company/audit',
      {
        schema: {
          tags: ['company'],
          summary:
            "The company's audit log, newest first, as sentences; filter by employee, action, admin and dates",
          querystring: z.object({
            limit: z.coerce.number().int().min(1).max(200).default(50),
            before: z.coerce.number().int().min(1).optional(),
            employee: text.search({ max: 100 }).optional().describe("words of the employee's name"),
            action: text
              .opaque({ max: 60, pattern: /^[a-z_]+\.[a-z_]+$/ })
              .optional()
              .describe('an action code, e.g. subscription.zones_changed'),
            actorId: z.uuid().optional().describe('the admin who acted (GET /api/company/admins)'),
            from: calendar.date().optional().describe('from this Oslo day'),
            to: calendar.date().optional().describe('through this Oslo day'),
          }),
          response: {
            200: z.object({ items: z.array(auditEntrySchema), nextBefore: z.number().nullable() }),
          },
        },
      },
      async (request) =>
        listAudit(ctx, {
          actor: requireCompanyAdmin(request),
          ...request.query,
          lang: pickLang(request.headers['accept-language']),
        }),
    );
  };
}
