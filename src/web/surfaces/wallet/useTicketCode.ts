import { useEffect, useState } from 'react';
import { signedCode } from './device-key';
import type { Ticket } from './types';

/** How often the QR code is signed anew (the inspector's freshness window is far longer). */
export const REDRAW_MS = 5_000;

/** The credential that covers `now`, if this device has one. */
export function credentialAt(ticket: Ticket, now: Date) {
  const t = now.getTime();
  return ticket.codes.find((c) => Date.parse(c.validFrom) <= t && t < Date.parse(c.validTo) + 1000) ?? null;
}

/**
 * The QR text of the ticket right now (issue 13): today's credential with this device's signature
 * over it and the time, made again every REDRAW_MS. Null while there is no credential for now.
 */
export function useTicketCode(ticket: Ticket, now: Date): string | null {
  const credential = credentialAt(ticket, now)?.credential ?? null;
  const slot = Math.floor(now.getTime() / REDRAW_MS);
  const [code, setCode] = useState<string | null>(null);
  // biome-ignore lint/correctness/useExhaustiveDependencies: `slot` is what makes it sign again
  useEffect(() => {
    let active = true;
    if (!credential) {
      setCode(null);
      return;
    }
    void signedCode(credential, now)
      .then((text) => active && setCode(text))
      .catch(() => active && setCode(null));
    return () => {
      active = false;
    };
  }, [credential, slot]);
  return credential ? code : null;
}
