import { sql } from 'drizzle-orm';
import type { Tx } from '../engine';

/** How a held-back SMS is marked in `messages.last_error` (issue 12.4). */
export const HELD_PREFIX = 'held: ';

/**
 * The SMS of the rolling hour (the database's clock), not counting held ones: all companies and
 * `companyId`'s; the seconds until the oldest leaves the hour (≥ 1, 3600 when none); the start of
 * the clock hour in UTC (`YYYY-MM-DDTHH`), for alert keys.
 */
export async function smsHourCounts(
  tx: Tx,
  companyId: string | null,
): Promise<{ global: number; company: number; retryAfterSeconds: number; hour: string }> {
  const result = await tx.execute(sql`
    select count(*)::int as global,
      count(*) filter (where company_id = ${companyId}::uuid)::int as company,
      greatest(1, ceil(extract(epoch from (min(created_at) + interval '1 hour' - now()))))::int as retry,
      to_char(date_trunc('hour', now()) at time zone 'UTC', 'YYYY-MM-DD"T"HH24') as hour
    from messages
    where channel = 'sms' and created_at > now() - interval '1 hour'
      and (last_error is null or last_error not like ${`${HELD_PREFIX}%`})`);
  const row = (result as unknown as { rows: Record<string, unknown>[] }).rows[0] ?? {};
  return {
    global: Number(row.global ?? 0),
    company: Number(row.company ?? 0),
    retryAfterSeconds: Number(row.retry ?? 3600) || 3600,
    hour: String(row.hour ?? ''),
  };
}

/** Per company, the SMS of the rolling hour sent or queued, and held back; most first. */
export async function smsHourByCompany(
  tx: Tx,
): Promise<{ companyId: string | null; companyName: string; used: number; held: number }[]> {
  const heldLike = `${HELD_PREFIX}%`;
  const result = await tx.execute(sql`
    select m.company_id::text as "companyId", coalesce(c.name, '') as "companyName",
      count(*) filter (where m.last_error is null or m.last_error not like ${heldLike})::int as used,
      count(*) filter (where m.last_error like ${heldLike})::int as held
    from messages m left join companies c on c.id = m.company_id
    where m.channel = 'sms' and m.created_at > now() - interval '1 hour'
    group by m.company_id, c.name
    order by used desc, held desc`);
  const rows = (
    result as unknown as {
      rows: { companyId: string | null; companyName: string; used: number; held: number }[];
    }
  ).rows;
  return rows.map((r) => ({ ...r, used: Number(r.used), held: Number(r.held) }));
}
