import type { MessageRow } from '../../db/repositories/operator';

const RESEND = /:resend:(\d+)$/;

/** The key of the first message of a resend chain. */
export function rootKey(idempotencyKey: string): string {
  return idempotencyKey.replace(RESEND, '');
}

export function resendNumber(idempotencyKey: string): number {
  return Number(RESEND.exec(idempotencyKey)?.[1] ?? 0);
}

export function messageDto(m: MessageRow, companyName: string | null, resendCount: number) {
  return {
    id: m.id,
    channel: m.channel,
    to: m.to,
    subject: m.subject,
    body: m.body,
    kind: m.kind,
    status: m.status,
    attempts: m.attempts,
    lastError: m.lastError,
    companyId: m.companyId,
    companyName,
    createdAt: m.createdAt.toISOString(),
    sentAt: m.sentAt?.toISOString() ?? null,
    /** 0 for an original; n for its n-th resend. */
    resendNumber: resendNumber(m.idempotencyKey),
    /** How many times the original of this message has been resent so far. */
    resendCount,
  };
}
