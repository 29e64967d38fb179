import { request } from '@playwright/test';

/**
 * All specs share one server, and the dev clock is server state: a spec that moves it puts it
 * back afterwards, and a spec that reads "today" from the real time resets it first.
 */
export async function resetServerClock(baseURL: string | undefined): Promise<void> {
  const anonymous = await request.newContext({ baseURL });
  await anonymous.delete('/api/dev/clock');
  await anonymous.dispose();
}
