import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { getMasterData } from '../../app/companies/get-master-data';
import { updateMasterData } from '../../app/companies/update-master-data';
import type { AppContext } from '../../app/context';
import { listSubscriptionsOfCompany } from '../../app/operator/list-company-subscriptions';
import { reactivateCompany } from '../../app/operator/reactivate-company';
import { requireCompanyAdmin, requireOperator } from '../auth/sessions';
import { patchBody, text } from '../schemas';
import { listQuery } from './company-subscriptions';
import { subscriptionSchema } from './me';

/** Issue 16 item 5: a company's master data, as both the company and the operator read it. */
const masterDataSchema = z.object({
  orgNumber: z.string(),
  name: z.string(),
  invoiceAddress: z.object({ street: z.string(), postalCode: z.string(), city: z.string() }).nullable(),
  invoiceEmail: z.string().nullable(),
  buyerReference: z.string().nullable(),
  peppolEndpoint: z.string().describe('scheme:id, e.g. 0192:974760673 (the organisation number unless set)'),
  status: z.enum(['active', 'deactivated']),
});

const masterDataPatch = patchBody(
  z.object({
    name: text.singleLine({ max: 200 }).optional(),
    invoiceAddress: z
      .object({
        street: text.singleLine({ max: 200, min: 0 }),
        postalCode: text.singleLine({ max: 4, pattern: /^\d{4}$/ }),
        city: text.singleLine({ max: 100, min: 0 }),
      })
      .optional(),
    invoiceEmail: text.email().nullable().optional().describe('null clears it'),
    buyerReference: text
      .singleLine({ max: 100, min: 0 })
      .nullable()
      .optional()
      .describe('EHF BuyerReference; null clears it'),
    peppolEndpoint: text
      .opaque({ max: 60, pattern: /^\d{4}:[A-Za-z0-9][A-Za-z0-9._-]{0,49}$/ })
      .nullable()
      .optional()
      .describe('scheme:id; null goes back to the organisation number'),
  }),
);
const companyParams = z.object({ id: text.opaque({ max: 64 }) });

/** Master data for the company's admins and the operator; the operator's read-only support views. */
export function masterDataRoutes(ctx: AppContext): FastifyPluginAsyncZod {
  return async (app) => {
    app.get(
      '/api/company/master-data',
      { schema: { tags: ['company'], response: { 200: masterDataSchema } } },
      async (request) => getMasterData(ctx, { actor: requireCompanyAdmin(request) }),
    );

    app.patch(
      '/api/company/master-data',
      {
        schema: {
          tags: ['company'],
          summary:
            'Change the company name, invoice address and email, buyer reference and Peppol endpoint (audited; used by the next invoice)',
          body: masterDataPatch,
          response: { 200: masterDataSchema },
        },
      },
      async (request) => {
        const actor = requireCompanyAdmin(request);
        return updateMasterData(ctx, { actor, companyId: actor.companyId, patch: request.body });
      },
    );

    app.get(
      '/api/operator/companies/:id/master-data',
      { schema: { tags: ['operator'], params: companyParams, response: { 200: masterDataSchema } } },
      async (request) =>
        getMasterData(ctx, { actor: requireOperator(request), companyId: request.params.id }),
    );

    app.patch(
      '/api/operator/companies/:id/master-data',
      {
        schema: {
          tags: ['operator'],
          summary: "Change a company's master data (audited; used by the next invoice)",
          params: companyParams,
          body: masterDataPatch,
          response: { 200: masterDataSchema },
        },
      },
      async (request) => {
        const actor = requireOperator(request, { write: true });
        return updateMasterData(ctx, { actor, companyId: request.params.id, patch: request.body });
      },
    );

    app.get(
      '/api/operator/companies/:id/subscriptions',
      {
        schema: {
          tags: ['operator'],
          summary:
            "A company's subscriptions, read-only, to support it (the portal list's filters and paging)",
          params: companyParams,
          querystring: listQuery,
          response: {
            200: z.object({ items: z.array(subscriptionSchema), nextCursor: z.string().nullable() }),
          },
        },
      },
      async (request) =>
        listSubscriptionsOfCompany(ctx, {
          actor: requireOperator(request),
          companyId: request.params.id,
          ...request.query,
        }),
    );

    app.post(
      '/api/operator/companies/:id/reactivate',
      {
        schema: {
          tags: ['operator'],
          summary:
            'Reactivate a deactivated company: its admins may change things and its order link works again',
          params: companyParams,
          response: { 200: z.object({ companyId: z.string(), alreadyActive: z.boolean() }) },
        },
      },
      async (request) =>
        reactivateCompany(ctx, {
          actor: requireOperator(request, { write: true }),
          companyId: request.params.id,
        }),
    );
  };
}
