import { useEffect, useState } from 'react';

const OFFSET_KEY = 'bedriftsbillett.clock.v1';

function storedOffset(): number {
  try {
    const value = Number(localStorage.getItem(OFFSET_KEY));
    return Number.isFinite(value) ? value : 0;
  } catch {
    return 0;
  }
}

/** The server's time minus the device's (ms), kept on the device so it holds offline too. */
let offsetMs = typeof localStorage === 'undefined' ? 0 : storedOffset();
/** Whether this page has a millisecond-exact offset (serverTime), which a Date header must not undo. */
let exact = false;
let synced: Promise<void> | undefined;

const listeners = new Set<() => void>();

function setOffset(value: number): void {
  const changed = Math.round(value) !== offsetMs;
  offsetMs = Math.round(value);
  // The ticking clock and the QR code follow at once, not at the next tick.
  if (changed) for (const listener of listeners) listener();
  try {
    localStorage.setItem(OFFSET_KEY, String(offsetMs));
  } catch {
    // Storage off: the offset holds while the page is open.
  }
}

/**
 * Issue 13 (H3): the wallet goes by the server's time, not the phone's, so a phone whose clock is
 * minutes off still makes QR codes and DPoP proofs the server and the inspectors accept. Learnt
 * from the API's `serverTime`, taken at the middle of the request's round trip.
 */
export function learnServerTime(serverTime: string, sentAt: number, receivedAt: number): void {
  const server = Date.parse(serverTime);
  if (Number.isNaN(server)) return;
  exact = true;
  setOffset(server - (sentAt + receivedAt) / 2);
}

/**
 * The HTTP Date header (whole seconds, RFC 9110 §6.6.1) as the first estimate, until an API
 * answer gives `serverTime`; only a difference of more than two seconds is taken.
 */
export function learnDateHeader(date: string | null, receivedAt: number): void {
  if (exact || !date) return;
  const server = Date.parse(date);
  if (Number.isNaN(server)) return;
  const estimate = server + 500 - receivedAt;
  if (Math.abs(estimate - offsetMs) > 2_000) setOffset(estimate);
}

/**
 * In development the server's clock may have been moved (PUT /api/dev/clock, for demos and browser
 * tests); when it has, follow it. In production that route is absent (404), and the offset comes
 * from the API's answers (learnServerTime).
 */
export function syncDevClock(): Promise<void> {
  synced ??= fetch('/api/dev/clock', { headers: { Accept: 'application/json' } })
    .then((r) => (r.ok ? (r.json() as Promise<{ now?: unknown; adjusted?: unknown }>) : null))
    .then((body) => {
      if (body?.adjusted === true && typeof body.now === 'string') {
        exact = true;
        setOffset(Date.parse(body.now) - Date.now());
      }
    })
    .catch(() => undefined);
  return synced;
}

export function appNow(): Date {
  return new Date(Date.now() + offsetMs);
}

/** The current time, updated every `intervalMs` (a ticking clock re-renders each second). */
export function useNow(intervalMs = 1000): Date {
  const [now, setNow] = useState(appNow);
  useEffect(() => {
    let active = true;
    void syncDevClock().then(() => active && setNow(appNow()));
    const timer = setInterval(() => setNow(appNow()), intervalMs);
    const onOffset = () => setNow(appNow());
    listeners.add(onOffset);
    return () => {
      active = false;
      clearInterval(timer);
      listeners.delete(onOffset);
    };
  }, [intervalMs]);
  return now;
}

/** False until the clock has been synced (a flash of the wrong status on a moved dev clock). */
export function useClockSynced(): boolean {
  const [ready, setReady] = useState(false);
  useEffect(() => {
    let active = true;
    void syncDevClock().then(() => active && setReady(true));
    return () => {
      active = false;
    };
  }, []);
  return ready;
}
