import { claimsWindow, type TicketClaims, type VerifyReason, verifyOffline } from '../../../domain/ticket';
import { ApiError, api } from '../../api';
import type { InspectionData } from './keys';

export interface CheckResult {
  valid: boolean;
  reason?: VerifyReason;
  claims: TicketClaims | null;
  validFrom: Date | null;
  validTo: Date | null;
  /** Whether the server confirmed it is not revoked (false: checked offline only). */
  online: boolean;
}

/**
 * Verifies in the browser against the cached JWKS (works offline); when the signature holds and
 * the network answers, asks the server about revocation too.
 */
export async function checkCredential(
  credential: string,
  data: InspectionData,
  now: Date,
): Promise<CheckResult> {
  const offline = await verifyOffline(credential, data.jwks, now);
  const window = offline.claims ? claimsWindow(offline.claims) : null;
  const result: CheckResult = {
    valid: offline.valid,
    ...(offline.valid ? {} : { reason: offline.reason }),
    claims: offline.claims,
    validFrom: window?.validFrom ?? null,
    validTo: window?.validTo ?? null,
    online: false,
  };
  if (!offline.claims) return result;
  try {
    const server = await api.post<{ valid: boolean; reason?: VerifyReason }>('/api/inspection/verify', {
      credential: credential.trim(),
    });
    if (server.reason === 'revoked') return { ...result, valid: false, reason: 'revoked', online: true };
    return { ...result, online: true };
  } catch (error) {
    if (error instanceof ApiError) return result;
    throw error;
  }
}
