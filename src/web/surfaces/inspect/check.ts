import type { CodeReason } from '../../../domain/ticket-code';
import { ApiError, api } from '../../api';
import type { InspectionData } from './keys';
import { type CheckResult, checkOffline } from './offline-check';

export type { CheckResult, UndecidedReason } from './offline-check';
export { checkOffline };

interface ServerVerdict {
  valid: boolean;
  reason?: CodeReason;
  holder: { firstName: string; lastName: string } | null;
  zoneIds: string[] | null;
  categoryId: string | null;
  validFrom: string | null;
  validTo: string | null;
  ticketNumber: string | null;
}

function fromServer(v: ServerVerdict): CheckResult {
  return {
    valid: v.valid,
    ...(v.reason ? { reason: v.reason } : {}),
    holder: v.holder,
    zoneIds: v.zoneIds ?? [],
    categoryId: v.categoryId,
    validFrom: v.validFrom,
    validTo: v.validTo,
    ticketNumber: v.ticketNumber,
    online: true,
  };
}

/**
 * Checks a scanned or typed code: asks the server when the network answers (it knows revocations
 * made after the cached list), else decides offline. Either way one verdict.
 */
export async function checkCode(code: string, data: InspectionData, now: Date): Promise<CheckResult> {
  const offline = await checkOffline(code, data, now);
  if (!navigator.onLine) return offline;
  try {
    return fromServer(await api.post<ServerVerdict>('/api/inspection/verify', { code: code.trim() }));
  } catch (error) {
    if (error instanceof ApiError && error.status === 0) return offline;
    throw error;
  }
}

/** The verdict for a typed ticket number (inspector login; online only). */
export async function checkNumber(ticketNumber: string): Promise<CheckResult> {
  return fromServer(
    await api.get<ServerVerdict>(`/api/inspection/tickets/${encodeURIComponent(ticketNumber.trim())}`),
  );
}
