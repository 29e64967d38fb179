import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import type { AppContext } from '../../app/context';
import { loadCatalog } from '../../db/repositories/catalog';
import { MAX_PRICED_ZONES } from '../../domain/catalog';

export const catalogResponse = z.object({
  isExample: z.boolean(),
  zones: z.array(z.object({ id: z.string(), name: z.string(), active: z.boolean() })),
  categories: z.array(
    z.object({ id: z.string(), name: z.string(), nameEn: z.string(), active: z.boolean() }),
  ),
  maxPricedZones: z.number(),
  prices: z.array(
    z.object({
      categoryId: z.string(),
      zoneCount: z.number(),
      monthlyPriceOre: z.number(),
      validFrom: z.string(),
    }),
  ),
});

export function catalogRoutes(ctx: AppContext): FastifyPluginAsyncZod {
  return async (app) => {
    app.get(
      '/api/catalog',
      { schema: { tags: ['catalog'], response: { 200: catalogResponse } } },
      async () => {
        const catalog = await loadCatalog(ctx.db);
        return { ...catalog, maxPricedZones: MAX_PRICED_ZONES };
      },
    );
  };
}
