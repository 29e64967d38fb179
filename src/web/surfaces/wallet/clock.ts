import { useEffect, useState } from 'react';

let offsetMs = 0;
let synced: Promise<void> | undefined;

/**
 * The time the wallet and the inspection page go by: the device clock. In development the
 * server's clock may have been moved (PUT /api/dev/clock, for demos and browser tests); when it
 * has, follow it. In production that route is absent (404) and the device clock stands.
 */
export function syncDevClock(): Promise<void> {
  synced ??= fetch('/api/dev/clock', { headers: { Accept: 'application/json' } })
    .then((r) => (r.ok ? (r.json() as Promise<{ now?: unknown; adjusted?: unknown }>) : null))
    .then((body) => {
      if (body?.adjusted === true && typeof body.now === 'string')
        offsetMs = Date.parse(body.now) - Date.now();
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
    return () => {
      active = false;
      clearInterval(timer);
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
