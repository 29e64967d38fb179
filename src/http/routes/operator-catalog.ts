import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { addCategory } from '../../app/catalog/add-category';
import { addZone } from '../../app/catalog/add-zone';
import { deletePriceVersion } from '../../app/catalog/delete-price-version';
import { deleteZone } from '../../app/catalog/delete-zone';
import { exportCatalog } from '../../app/catalog/export-catalog';
import { getOperatorCatalog } from '../../app/catalog/get-operator-catalog';
import { CATALOG_FILES, type CatalogFileName } from '../../app/catalog/gtfs-files';
import { importCatalog } from '../../app/catalog/import-catalog';
import { previewPriceVersion } from '../../app/catalog/preview-price-version';
import { savePriceVersion } from '../../app/catalog/save-price-version';
import { updateCategory } from '../../app/catalog/update-category';
import { updateZone } from '../../app/catalog/update-zone';
import type { AppContext } from '../../app/context';
import { isCatalogId } from '../../domain/catalog';
import { requireOperator } from '../auth/sessions';
import { sendDownload } from '../download';
import { calendar, patchBody, text } from '../schemas';

/** A zone or category id: free-form UTF-8 text as in GTFS (isCatalogId), through the text boundary. */
const catalogId = text
  .singleLine({ max: 64 })
  .refine(isCatalogId, { message: 'an id is 1–64 characters of text without control characters' });
const idParams = z.object({ id: text.opaque({ max: 64 }) });
const name = text.singleLine({ max: 100 });
const zone = z.object({ id: z.string(), name: z.string(), active: z.boolean() });
const category = z.object({ id: z.string(), name: z.string(), nameEn: z.string(), active: z.boolean() });
const versionPrice = z.object({
  categoryId: text.opaque({ max: 64 }),
  zoneCount: z.union([z.literal(1), z.literal(2), z.literal(3)]),
  monthlyPriceOre: z.number().int().positive().max(100_000_000),
});
const versionPriceResponse = versionPrice.extend({ categoryId: z.string() });
const versionBody = z.object({ validFrom: calendar.date(), prices: z.array(versionPrice).min(1).max(300) });
const filesSchema = z.object({
  'areas.txt': text.file({ max: 1_000_000 }).optional(),
  'rider_categories.txt': text.file({ max: 1_000_000 }).optional(),
  'fare_products.txt': text.file({ max: 1_000_000 }).optional(),
});
const filesResponse = z.object({
  'areas.txt': z.string().optional(),
  'rider_categories.txt': z.string().optional(),
  'fare_products.txt': z.string().optional(),
});
const base64File = text.base64({ max: 1_400_000 }).optional();
const filesBase64Schema = z
  .object({ 'areas.txt': base64File, 'rider_categories.txt': base64File, 'fare_products.txt': base64File })
  .describe("The files' bytes as base64: the encoding (UTF-8, UTF-16 with BOM, Windows-1252) is detected");
const encoding = z.enum(['UTF-8', 'UTF-16LE', 'UTF-16BE', 'Windows-1252']);
const namedChanges = z.object({
  added: z.array(z.string()),
  changed: z.array(z.string()),
  deactivated: z.array(z.string()).describe('Active now, not in the file: deactivated on import'),
});
const importError = z.object({
  file: z.enum(CATALOG_FILES),
  row: z.number().nullable(),
  column: z.string().nullable(),
  problem: z.string(),
  value: z.string().optional(),
});

export function operatorCatalogRoutes(ctx: AppContext): FastifyPluginAsyncZod {
  return async (app) => {
    const tags = ['operator-catalog'];

    app.get(
      '/api/operator/catalog',
      {
        schema: {
          tags,
          summary: 'The fare catalog with every price version (past, current, future)',
          response: {
            200: z.object({
              today: z.string(),
              isExample: z.boolean(),
              maxPricedZones: z.number(),
              zones: z.array(zone),
              categories: z.array(category),
              versions: z.array(
                z.object({
                  validFrom: z.string(),
                  state: z.enum(['past', 'current', 'future']),
                  prices: z.array(versionPriceResponse),
                }),
              ),
            }),
          },
        },
      },
      async (request) => {
        requireOperator(request);
        return getOperatorCatalog(ctx);
      },
    );

    app.post(
      '/api/operator/catalog/zones',
      {
        schema: {
          tags,
          body: z.object({ id: catalogId.optional(), name }),
          response: { 201: zone },
        },
      },
      async (request, reply) => {
        const actor = requireOperator(request, { write: true });
        return reply.status(201).send(await addZone(ctx, { actor, ...request.body }));
      },
    );

    app.patch(
      '/api/operator/catalog/zones/:id',
      {
        schema: {
          tags,
          params: idParams,
          body: patchBody(z.object({ name: name.optional(), active: z.boolean().optional() })),
          response: { 200: zone },
        },
      },
      async (request) => {
        const actor = requireOperator(request, { write: true });
        return updateZone(ctx, { actor, id: request.params.id, ...request.body });
      },
    );

    app.delete(
      '/api/operator/catalog/zones/:id',
      { schema: { tags, params: idParams } },
      async (request, reply) => {
        const actor = requireOperator(request, { write: true });
        await deleteZone(ctx, { actor, id: request.params.id });
        return reply.status(204).send();
      },
    );

    app.post(
      '/api/operator/catalog/categories',
      {
        schema: {
          tags,
          body: z.object({
            id: catalogId.optional(),
            name,
            nameEn: name,
          }),
          response: { 201: category },
        },
      },
      async (request, reply) => {
        const actor = requireOperator(request, { write: true });
        return reply.status(201).send(await addCategory(ctx, { actor, ...request.body }));
      },
    );

    app.patch(
      '/api/operator/catalog/categories/:id',
      {
        schema: {
          tags,
          params: idParams,
          body: patchBody(
            z.object({ name: name.optional(), nameEn: name.optional(), active: z.boolean().optional() }),
          ),
          response: { 200: category },
        },
      },
      async (request) => {
        const actor = requireOperator(request, { write: true });
        return updateCategory(ctx, { actor, id: request.params.id, ...request.body });
      },
    );

    app.post(
      '/api/operator/catalog/price-versions/preview',
      {
        config: { readOnlyStaff: true },
        schema: {
          tags,
          summary: 'What a new price version touches: subscriptions, companies, revenue before/after',
          body: versionBody,
          response: {
            200: z.object({
              month: z.string(),
              subscriptions: z.number(),
              companies: z.number(),
              revenueBeforeOre: z.number(),
              revenueAfterOre: z.number(),
            }),
          },
        },
      },
      async (request) => {
        requireOperator(request);
        return previewPriceVersion(ctx, request.body);
      },
    );

    app.put(
      '/api/operator/catalog/price-versions/:validFrom',
      {
        schema: {
          tags,
          summary: 'Enter (or replace, while ahead) the price version valid from a coming 1st',
          params: z.object({ validFrom: calendar.date() }),
          body: z.object({ prices: versionBody.shape.prices }),
          response: {
            200: z.object({
              validFrom: z.string(),
              prices: z.array(versionPriceResponse),
              /** SMS queued to employees whose deduction the version changes (issue 15). */
              announced: z.number().int(),
            }),
          },
        },
      },
      async (request) => {
        const actor = requireOperator(request, { write: true });
        return savePriceVersion(ctx, {
          actor,
          validFrom: request.params.validFrom,
          prices: request.body.prices,
        });
      },
    );

    app.delete(
      '/api/operator/catalog/price-versions/:validFrom',
      { schema: { tags, params: z.object({ validFrom: calendar.date() }) } },
      async (request, reply) => {
        const actor = requireOperator(request, { write: true });
        await deletePriceVersion(ctx, { actor, validFrom: request.params.validFrom });
        return reply.status(204).send();
      },
    );

    app.get(
      '/api/operator/catalog/export',
      {
        schema: {
          tags,
          summary: 'The catalog as GTFS-Fares-v2-shaped CSV files',
          response: { 200: filesResponse },
        },
      },
      async (request) => {
        requireOperator(request);
        return exportCatalog(ctx);
      },
    );

    app.get(
      '/api/operator/catalog/export/:file',
      { schema: { tags, params: z.object({ file: z.enum(CATALOG_FILES) }) } },
      async (request, reply) => {
        requireOperator(request);
        const files = await exportCatalog(ctx);
        return sendDownload(reply, {
          contentType: 'text/csv; charset=utf-8',
          filename: request.params.file,
          body: files[request.params.file],
        });
      },
    );

    app.post(
      '/api/operator/catalog/import',
      {
        schema: {
          tags,
          summary:
            'Import the catalog from the three CSV files (as bytes in filesBase64, or as text in files); checked row by row, all or nothing',
          description:
            "With dryRun true nothing is written: the answer previews each file's encoding, the changes (zones and categories added, changed and deactivated, prices added, changed and removed) and every row error (200 even with errors). Unknown keys are a 400 naming them.",
          body: z
            .object({
              files: filesSchema.strict().optional(),
              filesBase64: filesBase64Schema.strict().optional(),
              dryRun: z.boolean().optional().describe('Preview only: check and compare, write nothing'),
            })
            .strict(),
          response: {
            200: z.object({
              dryRun: z.boolean(),
              zones: z.number(),
              categories: z.number(),
              prices: z.number(),
              encodings: z.partialRecord(z.enum(CATALOG_FILES), encoding),
              changes: z
                .object({
                  zones: namedChanges,
                  categories: namedChanges,
                  prices: z.object({ added: z.number(), changed: z.number(), removed: z.number() }),
                })
                .nullable(),
              errors: z.array(importError),
            }),
          },
        },
      },
      async (request) => {
        const actor = requireOperator(request, { write: true });
        const files: Partial<Record<CatalogFileName, Uint8Array | string>> = { ...request.body.files };
        for (const [name, base64] of Object.entries(request.body.filesBase64 ?? {})) {
          if (base64 !== undefined) files[name as CatalogFileName] = Buffer.from(base64, 'base64');
        }
        return importCatalog(ctx, { actor, files, dryRun: request.body.dryRun ?? false });
      },
    );
  };
}
