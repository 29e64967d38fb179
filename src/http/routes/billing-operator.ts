import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { creditInvoice } from '../../app/billing/credit-invoice';
import { getBillingRun, listBillingRuns } from '../../app/billing/get-billing-run';
import { getInvoiceFile } from '../../app/billing/get-invoice-file';
import { listOperatorInvoices } from '../../app/billing/list-invoices';
import { runBillingMonth } from '../../app/billing/run-billing-month';
import type { AppContext } from '../../app/context';
import { requireOperator } from '../auth/sessions';
import { sendDownload } from '../download';
import { calendar, text } from '../schemas';

export const monthQuery = z.object({ month: calendar.month() });

export const invoiceDto = z.object({
  id: z.string(),
  companyId: z.string(),
  companyName: z.string().optional(),
  orgNumber: z.string().optional(),
  month: z.string(),
  kind: z.enum(['invoice', 'credit_note']),
  number: z.number(),
  netOre: z.number(),
  vatOre: z.number(),
  /** EN 16931 BT-114: totalOre − netOre − vatOre. */
  roundingOre: z.number().describe('BT-114 rounding amount in øre: totalOre − netOre − vatOre'),
  totalOre: z.number(),
  issueDate: z.string(),
  dueDate: z.string(),
  kid: z.string(),
  creditsInvoiceId: z.string().nullable(),
  department: z
    .object({ name: z.string(), costCentre: z.string() })
    .nullable()
    .describe("The department whose own invoice this is (issue 16 item 3); null = the company's"),
  buyerReference: z.string().describe('BT-10 as the invoice carries it'),
  creditedAt: z.string().nullable(),
  note: z.string().nullable(),
});

export const billingRunDto = z.object({
  id: z.string(),
  month: z.string(),
  status: z.enum(['running', 'done', 'failed']),
  companiesTotal: z.number(),
  companiesDone: z.number(),
  error: z.string().nullable(),
  startedAt: z.string(),
  finishedAt: z.string().nullable(),
});

export const invoiceFormat = z.enum(['pdf', 'ehf', 'csv']);

/** Sends a generated file as a download. */
const brief = z.object({
  id: z.string(),
  number: z.number(),
  kind: z.string(),
  month: z.string(),
  totalOre: z.number(),
});

export function billingOperatorRoutes(ctx: AppContext): FastifyPluginAsyncZod {
  return async (app) => {
    app.post(
      '/api/operator/billing-runs',
      {
        schema: {
          tags: ['billing'],
          summary:
            'Bill a month that has ended (idempotent: existing invoices are returned, none made twice)',
          body: monthQuery,
          response: {
            200: z.object({
              month: z.string(),
              runId: z.string(),
              invoices: z.array(
                z.object({ id: z.string(), companyId: z.string(), number: z.number(), totalOre: z.number() }),
              ),
            }),
          },
        },
      },
      async (request) => {
        const actor = requireOperator(request, { write: true });
        return runBillingMonth(ctx, { actor, month: request.body.month });
      },
    );

    app.get(
      '/api/operator/billing-runs',
      {
        schema: {
          tags: ['billing'],
          summary: 'The latest billing runs of a month, with progress',
          querystring: monthQuery,
          response: { 200: z.object({ items: z.array(billingRunDto) }) },
        },
      },
      async (request) =>
        listBillingRuns(ctx, { actor: requireOperator(request), month: request.query.month }),
    );

    app.get(
      '/api/operator/billing-runs/:id',
      {
        schema: {
          tags: ['billing'],
          summary: "A billing run's progress",
          params: z.object({ id: text.opaque({ max: 64 }) }),
          response: { 200: billingRunDto },
        },
      },
      async (request) => getBillingRun(ctx, { actor: requireOperator(request), id: request.params.id }),
    );

    app.get(
      '/api/operator/invoices',
      {
        schema: {
          tags: ['billing'],
          summary: 'All invoices and credit notes, optionally of one month, with totals',
          querystring: z.object({ month: calendar.month().optional() }),
          response: {
            200: z.object({
              month: z.string().nullable(),
              items: z.array(invoiceDto),
              totals: z.object({
                invoices: z.number(),
                creditNotes: z.number(),
                netOre: z.number(),
                vatOre: z.number(),
                roundingOre: z.number(),
                totalOre: z.number(),
              }),
            }),
          },
        },
      },
      async (request) =>
        listOperatorInvoices(ctx, { actor: requireOperator(request), month: request.query.month }),
    );

    app.post(
      '/api/operator/invoices/:id/credit',
      {
        schema: {
          tags: ['billing'],
          summary: 'Credit an invoice in full and issue a new one from the current data',
          params: z.object({ id: text.opaque({ max: 64 }) }),
          body: z.object({ reason: text.multiLine({ max: 500 }) }),
          response: { 200: z.object({ creditNote: brief.nullable(), invoice: brief.nullable() }) },
        },
      },
      async (request) => {
        const actor = requireOperator(request, { write: true });
        return creditInvoice(ctx, { actor, invoiceId: request.params.id, reason: request.body.reason });
      },
    );

    app.get(
      '/api/operator/invoices/:id/:format',
      {
        schema: {
          tags: ['billing'],
          summary: 'An invoice as PDF, EHF (UBL XML) or CSV',
          params: z.object({ id: text.opaque({ max: 64 }), format: invoiceFormat }),
        },
      },
      async (request, reply) => {
        const actor = requireOperator(request);
        const file = await getInvoiceFile(ctx, {
          actor,
          invoiceId: request.params.id,
          format: request.params.format,
        });
        return sendDownload(reply, file);
      },
    );
  };
}
