/**
 * The one clock of the product. Domain code receives `now` from it; nothing else reads the
 * system time. In development and tests it can be set (APP_NOW, PUT /api/dev/clock); a set
 * clock keeps running from the moment it was set, so time still passes in a demo.
 */
export interface Clock {
  now(): Date;
}

export class AdjustableClock implements Clock {
  private offsetMs = 0;

  constructor(private readonly system: () => number = () => Date.now()) {}

  now(): Date {
    return new Date(this.system() + this.offsetMs);
  }

  set(to: Date): void {
    this.offsetMs = to.getTime() - this.system();
  }

  reset(): void {
    this.offsetMs = 0;
  }

  get isAdjusted(): boolean {
    return this.offsetMs !== 0;
  }
}

/** A clock that stands still: for tests. */
export class FixedClock implements Clock {
  constructor(private at: Date) {}
  now(): Date {
    return new Date(this.at);
  }
  set(to: Date): void {
    this.at = new Date(to);
  }
}
