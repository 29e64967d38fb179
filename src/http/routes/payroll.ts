import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import type { AppContext } from '../../app/context';
import { downloadPayroll, exportPayroll } from '../../app/payroll/export-payroll';
import { getPayrollBasis } from '../../app/payroll/get-payroll-basis';
import { getPayrollChanges } from '../../app/payroll/get-payroll-changes';
import { requireCompanyAdmin } from '../auth/sessions';
import { sendDownload } from '../download';
import { calendar, text } from '../schemas';

const money = {
  priceOre: z.number(),
  companyShareOre: z.number(),
  deductionOre: z.number(),
  taxableBenefitOre: z.number(),
};
const row = z.object({
  subscriptionId: z.string(),
  firstName: z.string(),
  lastName: z.string(),
  phone: z.string(),
  fields: z.record(z.string(), z.union([z.string(), z.number(), z.boolean()])),
  ticket: z.string(),
  categoryId: z.string(),
  zoneIds: z.array(z.string()),
  startDate: z.string(),
  endDate: z.string().nullable(),
  daysValid: z.number(),
  ...money,
  consentMissing: z
    .boolean()
    .describe('The company raised the deduction and the employee has not yet agreed ("samtykke mangler")'),
  consentedDeductionOre: z
    .number()
    .nullable()
    .describe('The deduction the employee agreed to, in øre, when consent is missing; else null'),
});
const snapshot = z.object({
  subscriptionId: z.string(),
  firstName: z.string(),
  lastName: z.string(),
  endDate: z.string().nullable(),
  priceOre: z.number(),
  deductionOre: z.number(),
});

export function payrollRoutes(ctx: AppContext): FastifyPluginAsyncZod {
  return async (app) => {
    app.get(
      '/api/company/payroll',
      {
        schema: {
          tags: ['payroll'],
          summary:
            'Payroll-deduction basis of a month (provisional until billed); format=csv|xlsx downloads it and records nothing',
          querystring: z.object({
            month: calendar.month(),
            format: z.enum(['json', 'csv', 'xlsx']).default('json'),
            department: text
              .opaque({ max: 100 })
              .optional()
              .describe('a department id, or none for subscriptions without one (issue 16 item 3)'),
          }),
          response: {
            200: z.union([
              z.object({
                month: z.string(),
                final: z.boolean(),
                fieldColumns: z.array(
                  z.object({
                    key: z.string(),
                    label: z.string(),
                    type: z.enum(['text', 'number', 'select', 'checkbox']),
                  }),
                ),
                rows: z.array(row),
                totals: z.object({ count: z.number(), ...money }),
              }),
              z.any(),
            ]),
          },
        },
      },
      async (request, reply) => {
        const actor = requireCompanyAdmin(request);
        const { month, format, department } = request.query;
        if (format === 'json') return getPayrollBasis(ctx, { actor, month, department });
        const file = await downloadPayroll(ctx, { actor, month, format, department });
        return sendDownload(reply, file);
      },
    );

    app.post(
      '/api/company/payroll/exports',
      {
        schema: {
          tags: ['payroll'],
          summary:
            'Export the basis of a month as a file and record the export (the baseline of "changes since the last export")',
          body: z.object({ month: calendar.month(), format: z.enum(['csv', 'xlsx']) }).strict(),
        },
      },
      async (request, reply) => {
        const file = await exportPayroll(ctx, { actor: requireCompanyAdmin(request), ...request.body });
        return sendDownload(reply, file);
      },
    );

    app.get(
      '/api/company/payroll/changes',
      {
        schema: {
          tags: ['payroll'],
          summary: 'Who started, ended or changed price since the last export',
          querystring: z.object({ month: calendar.month() }),
          response: {
            200: z.object({
              month: z.string(),
              since: z
                .object({ id: z.string(), month: z.string(), format: z.string(), createdAt: z.string() })
                .nullable(),
              started: z.array(snapshot),
              ended: z.array(snapshot),
              priceChanged: z.array(z.object({ before: snapshot, after: snapshot })),
            }),
          },
        },
      },
      async (request) =>
        getPayrollChanges(ctx, { actor: requireCompanyAdmin(request), month: request.query.month }),
    );
  };
}
