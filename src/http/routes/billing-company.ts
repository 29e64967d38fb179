import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { getInvoiceFile } from '../../app/billing/get-invoice-file';
import { listCompanyInvoices } from '../../app/billing/list-invoices';
import type { AppContext } from '../../app/context';
import { requireCompanyAdmin } from '../auth/sessions';
import { sendDownload } from '../download';
import { text } from '../schemas';
import { invoiceDto, invoiceFormat } from './billing-operator';

export function billingCompanyRoutes(ctx: AppContext): FastifyPluginAsyncZod {
  return async (app) => {
    app.get(
      '/api/company/invoices',
      {
        schema: {
          tags: ['billing'],
          summary: "The company's invoices and credit notes, newest first",
          response: { 200: z.object({ items: z.array(invoiceDto) }) },
        },
      },
      async (request) => listCompanyInvoices(ctx, { actor: requireCompanyAdmin(request) }),
    );

    app.get(
      '/api/company/invoices/:id/:format',
      {
        schema: {
          tags: ['billing'],
          summary: "One of the company's invoices as PDF, EHF (UBL XML) or CSV",
          params: z.object({ id: text.opaque({ max: 64 }), format: invoiceFormat }),
        },
      },
      async (request, reply) => {
        const actor = requireCompanyAdmin(request);
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
