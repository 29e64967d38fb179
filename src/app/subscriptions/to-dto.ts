import type { SubscriptionWithZones, ZoneSetRow } from '../../db/repositories/subscriptions';
import { compareDates, maxDate, osloToday } from '../../domain/calendar';
import { deriveStatus, type SubscriptionStatus } from '../../domain/subscription';
import { zoneSetInForce } from '../../domain/ticket';

/** The contract's Subscription object. */
export interface SubscriptionDto {
  id: string;
  companyId: string;
  status: SubscriptionStatus;
  firstName: string;
  lastName: string;
  phone: string;
  zoneIds: string[];
  categoryId: string;
  startDate: string;
  endDate: string | null;
  fields: Record<string, string | number | boolean>;
  createdAt: string;
  rejectionReason: string | null;
  source: string;
  replacesId: string | null;
  revokedAt: string | null;
  /** The company department it belongs to (issue 16 item 3), or null. */
  departmentId: string | null;
  /** A zone change that takes effect later (rule 8: from the 1st of next month). */
  upcomingZoneIds: string[] | null;
  upcomingZoneIdsFrom: string | null;
}

/**
 * The zone set in force on `date`; before the start, the first one; after the end, the last one.
 */
export function zoneSetOn(zoneSets: ZoneSetRow[], date: string): ZoneSetRow | undefined {
  return zoneSetInForce(zoneSets, date);
}

export function toSubscriptionDto(sub: SubscriptionWithZones, now: Date): SubscriptionDto {
  const today = osloToday(now);
  const reference = maxDate(today, sub.startDate);
  const current = zoneSetOn(sub.zoneSets, reference);
  const upcoming = sub.zoneSets.find((z) => compareDates(z.validFrom, reference) > 0);
  return {
    id: sub.id,
    companyId: sub.companyId,
    status: deriveStatus(sub, now),
    firstName: sub.firstName,
    lastName: sub.lastName,
    phone: sub.phone,
    zoneIds: current?.zoneIds ?? [],
    categoryId: sub.categoryId,
    startDate: sub.startDate,
    endDate: sub.endDate,
    fields: sub.fields,
    createdAt: sub.createdAt.toISOString(),
    rejectionReason: sub.rejectionReason,
    source: sub.source,
    replacesId: sub.replacesId,
    revokedAt: sub.revokedAt ? sub.revokedAt.toISOString() : null,
    departmentId: sub.departmentId ?? null,
    upcomingZoneIds: upcoming?.zoneIds ?? null,
    upcomingZoneIdsFrom: upcoming?.validFrom ?? null,
  };
}
