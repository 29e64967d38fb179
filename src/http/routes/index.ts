import type { FastifyInstance } from 'fastify';
import type { AdjustableClock } from '../../adapters/clock';
import type { AppContext } from '../../app/context';
import { authRoutes } from './auth';
import { catalogRoutes } from './catalog';
import { devRoutes } from './dev';
import { healthRoutes } from './health';
import { operatorCompanyRoutes } from './operator-companies';

/** Every route group. Each feature area registers its own plugin here. */
export async function registerRoutes(
  app: FastifyInstance,
  ctx: AppContext,
  options: { devClock?: AdjustableClock },
) {
  await app.register(healthRoutes(ctx));
  await app.register(authRoutes(ctx));
  await app.register(catalogRoutes(ctx));
  await app.register(operatorCompanyRoutes(ctx));
  if (ctx.config.NODE_ENV !== 'production' && options.devClock)
    await app.register(devRoutes(ctx, options.devClock));
}
