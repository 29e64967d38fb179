import type { AppContext } from '../app/context';

/** The demo data set (a company with an admin and thirty employees in every state). */
export async function seedDemoData(ctx: AppContext): Promise<void> {
  ctx.log.warn({}, 'Demo data is not available yet.');
}
