import { describe, expect, it } from 'vitest';
import { AdjustableClock } from './clock';

describe('the adjustable clock (issue 2.4)', () => {
  it('is set to an instant and keeps running from there; reset goes back to real time', () => {
    let system = 1_000_000;
    const clock = new AdjustableClock(() => system);
    expect(clock.now().getTime()).toBe(1_000_000);
    clock.set(new Date('2027-01-15T09:00:00Z'));
    expect(clock.now().toISOString()).toBe('2027-01-15T09:00:00.000Z');
    system += 5_000;
    expect(clock.now().toISOString()).toBe('2027-01-15T09:00:05.000Z');
    expect(clock.isAdjusted).toBe(true);
    clock.reset();
    expect(clock.now().getTime()).toBe(system);
  });
});
