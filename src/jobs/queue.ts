import { type SQL, sql } from 'drizzle-orm';
import type { ExecuteSql, Tx } from '../db/engine';

export interface JobOptions {
  singletonKey?: string;
  retryLimit?: number;
  startAfter?: Date;
}

/** The job queue port. `send` takes the caller's transaction, so a job exists only if the change commits. */
export interface JobQueue {
  send(tx: Tx, name: string, data: Record<string, unknown>, options?: JobOptions): Promise<void>;
}

/** Turns `text` with $1…$n placeholders into drizzle SQL bound to the values. */
export function sqlWithParams(text: string, values: unknown[] = []): SQL {
  const parts = text.split(/\$(\d+)/);
  const chunks: SQL[] = [];
  parts.forEach((part, i) => {
    chunks.push(i % 2 === 0 ? sql.raw(part) : sql`${values[Number(part) - 1] ?? null}`);
  });
  return sql.join(chunks);
}

/** An executeSql that runs inside a drizzle transaction (for pg-boss's per-call `db`). */
export function txExecutor(tx: Tx): { executeSql: ExecuteSql } {
  return {
    executeSql: async (text, values) => {
      const result = (await tx.execute(sqlWithParams(text, values))) as unknown as {
        rows: Record<string, unknown>[];
      };
      return { rows: result.rows };
    },
  };
}

/** A queue that only records: for tests and for processes that run no jobs. */
export class RecordingJobQueue implements JobQueue {
  readonly sent: { name: string; data: Record<string, unknown>; options?: JobOptions }[] = [];
  async send(_tx: Tx, name: string, data: Record<string, unknown>, options?: JobOptions): Promise<void> {
    this.sent.push({ name, data, options });
  }
}
