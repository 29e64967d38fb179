import { listSubscriptions } from '../../db/repositories/subscriptions';
import type { SubscriptionStatus } from '../../domain/subscription';
import { searchKey } from '../../domain/text';
import type { AppContext, CompanyAdminActor } from '../context';
import { type SubscriptionDto, toSubscriptionDto } from './to-dto';

/** A search by name (every word; both sides NFC, so 'Åse' finds 'Åse' however typed) or, when the query is a number, by phone digits. */
function matches(dto: SubscriptionDto, q: string): boolean {
  if (/^[\d\s+()-]+$/.test(q)) {
    const digits = q.replace(/\D/g, '');
    return digits.length > 0 && dto.phone.replace(/\D/g, '').includes(digits);
  }
  const name = searchKey(`${dto.firstName} ${dto.lastName}`).toLowerCase();
  return searchKey(q)
    .toLowerCase()
    .split(/\s+/)
    .every((word) => name.includes(word));
}

/** The company's subscriptions, pending orders first (oldest first: first come, first served), then newest. */
export async function listCompanySubscriptions(
  ctx: AppContext,
  input: { actor: CompanyAdminActor; status?: SubscriptionStatus; q?: string },
): Promise<SubscriptionDto[]> {
  const now = ctx.clock.now();
  const rows = await listSubscriptions(ctx.db, input.actor.companyId);
  const q = searchKey(input.q ?? '');
  const items = rows
    .map((row) => toSubscriptionDto(row, now))
    .filter((dto) => (input.status ? dto.status === input.status : true))
    .filter((dto) => (q ? matches(dto, q) : true));
  const pending = items.filter((d) => d.status === 'pending').reverse();
  return [...pending, ...items.filter((d) => d.status !== 'pending')];
}
