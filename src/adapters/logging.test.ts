import { describe, expect, it } from 'vitest';
import { jobQueueErrorLogger } from './logging';

describe('job queue errors in the log (issue 18, hostile check)', () => {
  it('one JSON line per distinct error in 30 s, without the driver client (its cancel key)', () => {
    const lines: { obj: unknown; msg: string }[] = [];
    let clock = 0;
    const onError = jobQueueErrorLogger(
      { error: (obj: unknown, msg?: string) => lines.push({ obj, msg: msg ?? '' }) } as never,
      () => clock,
    );
    const outage = Object.assign(new Error('connect ECONNREFUSED 127.0.0.1:5432'), {
      code: 'ECONNREFUSED',
      client: { processID: 42, secretKey: 123456 },
    });
    for (let i = 0; i < 500; i++) onError(outage);
    expect(lines).toHaveLength(1);
    expect(JSON.stringify(lines[0])).not.toContain('secretKey');
    expect(lines[0]).toEqual({
      obj: { err: { message: 'connect ECONNREFUSED 127.0.0.1:5432', code: 'ECONNREFUSED' } },
      msg: 'job queue error',
    });
    onError(new Error('another'));
    expect(lines).toHaveLength(2);
    clock += 31_000;
    onError(outage);
    expect(lines).toHaveLength(3);
  });
});
