import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import type { AppContext } from '../../app/context';
import { createDepartment } from '../../app/departments/create-department';
import { deleteDepartment } from '../../app/departments/delete-department';
import { listDepartments } from '../../app/departments/list-departments';
import { updateDepartment } from '../../app/departments/update-department';
import { requireCompanyAdmin } from '../auth/sessions';
import { patchBody, text } from '../schemas';

/** Issue 16 item 3: a company department as the API shows it. */
export const departmentSchema = z.object({
  id: z.string(),
  name: z.string(),
  costCentre: z.string().describe('Carried on each invoice line as EN 16931 BT-133 (AccountingCost)'),
  buyerReference: z.string().nullable().describe("BT-10 on the department's invoice; null = the company's"),
  invoiceAddress: z
    .object({ street: z.string(), postalCode: z.string(), city: z.string() })
    .nullable()
    .describe("The department's own invoice address; null = the company's"),
  subscriptions: z.number().describe('Subscriptions (any state) in it; a department is deleted only at 0'),
});

const address = z
  .object({
    street: text.singleLine({ max: 200 }),
    postalCode: text.singleLine({ max: 4, pattern: /^\d{4}$/ }),
    city: text.singleLine({ max: 100 }),
  })
  .strict();
const fields = {
  name: text.singleLine({ max: 100 }),
  costCentre: text.singleLine({ max: 50 }),
  buyerReference: text.singleLine({ max: 100, min: 0 }).nullable().optional().describe('null: the company’s'),
  invoiceAddress: address.nullable().optional().describe('null: the company’s address'),
};
const createBody = z.object(fields).strict();
const patch = patchBody(
  z.object({
    name: fields.name.optional(),
    costCentre: fields.costCentre.optional(),
    buyerReference: fields.buyerReference,
    invoiceAddress: fields.invoiceAddress,
  }),
);
const idParams = z.object({ id: text.opaque({ max: 100 }) });

/** Issue 16 item 3: the company's departments (full admins change them; others read). */
export function departmentRoutes(ctx: AppContext): FastifyPluginAsyncZod {
  return async (app) => {
    app.get(
      '/api/company/departments',
      {
        schema: {
          tags: ['company'],
          summary: "The company's departments by name (a department admin: their own)",
          response: { 200: z.object({ items: z.array(departmentSchema) }) },
        },
      },
      async (request) => listDepartments(ctx, { actor: requireCompanyAdmin(request) }),
    );

    app.post(
      '/api/company/departments',
      {
        schema: {
          tags: ['company'],
          summary: 'Add a department (name and cost centre unique in the company; audited)',
          body: createBody,
          response: { 201: departmentSchema },
        },
      },
      async (request, reply) =>
        reply
          .status(201)
          .send(
            await createDepartment(ctx, { actor: requireCompanyAdmin(request), department: request.body }),
          ),
    );

    app.patch(
      '/api/company/departments/:id',
      {
        schema: {
          tags: ['company'],
          summary:
            'Rename or edit a department (cost centre, buyer reference, invoice address); audited; used by the next invoice',
          params: idParams,
          body: patch,
          response: { 200: departmentSchema },
        },
      },
      async (request) =>
        updateDepartment(ctx, {
          actor: requireCompanyAdmin(request),
          id: request.params.id,
          patch: request.body,
        }),
    );

    app.delete(
      '/api/company/departments/:id',
      {
        schema: {
          tags: ['company'],
          summary: 'Delete a department no subscription belongs to (409 DEPARTMENT_IN_USE otherwise)',
          params: idParams,
          response: { 200: z.object({ deleted: z.literal(true) }) },
        },
      },
      async (request) =>
        deleteDepartment(ctx, { actor: requireCompanyAdmin(request), id: request.params.id }),
    );
  };
}
