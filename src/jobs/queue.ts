import type { Tx } from '../db/engine';

export interface JobOptions {
  singletonKey?: string;
  retryLimit?: number;
  startAfter?: Date;
  /** Higher first (pg-boss priority); a worker lane may take only jobs of at least a priority. */
  priority?: number;
}

/** The job queue port. `send` takes the caller's transaction, so a job exists only if the change commits. */
export interface JobQueue {
  send(tx: Tx, name: string, data: Record<string, unknown>, options?: JobOptions): Promise<void>;
}

/** A queue that only records: for tests and for processes that run no jobs. */
export class RecordingJobQueue implements JobQueue {
  readonly sent: { name: string; data: Record<string, unknown>; options?: JobOptions }[] = [];
  async send(_tx: Tx, name: string, data: Record<string, unknown>, options?: JobOptions): Promise<void> {
    this.sent.push({ name, data, options });
  }
}
