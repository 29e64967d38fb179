import { and, eq, lt } from 'drizzle-orm';
import { transportsFromConfig } from '../adapters/transports';
import { BILLING_MONTHLY_JOB, runScheduledBilling } from '../app/billing/billing-job';
import type { AppContext } from '../app/context';
import { pendingDigestJob } from '../app/employee/pending-digest';
import { messageSealer, SEND_MESSAGE_JOB, URGENT_MESSAGE_PRIORITY } from '../app/messages';
import { alertDeliveryFailure } from '../app/operator/alert-delivery-failure';
import { consentReminderJob } from '../app/subscriptions/consent-reminders';
import { runBackup } from '../db/backup';
import { messages } from '../db/schema';
import { sendMessage } from './send-message';

export interface JobDefinition {
  name: string;
  /** A cron expression (Europe/Oslo) when the job also runs on a schedule. */
  cron?: string;
  /** How many of its jobs one worker process runs at once (default 1). */
  concurrency?: number;
  /**
   * A lane of its own for the queue's urgent jobs (priority ≥ `minPriority`): that many more
   * workers take only those, so they never wait behind a backlog (issue 17 item 1).
   */
  urgentLane?: { minPriority: number; concurrency: number };
  handle(ctx: AppContext, data: Record<string, unknown>): Promise<void>;
}

const transports = new WeakMap<AppContext, ReturnType<typeof transportsFromConfig>>();
function transportFor(ctx: AppContext) {
  let transport = transports.get(ctx);
  if (!transport) {
    transport = transportsFromConfig(ctx.config, ctx.log);
    transports.set(ctx, transport);
  }
  return transport;
}

/** The scheduled backup's job (its schedule: BACKUP_CRON). */
export const DATABASE_BACKUP_JOB = 'database-backup';

/** Every job the worker runs. Each feature adds its own definition here. */
export const jobDefinitions: JobDefinition[] = [
  { name: BILLING_MONTHLY_JOB, cron: '0 6 1 * *', handle: (ctx) => runScheduledBilling(ctx) },
  pendingDigestJob,
  consentReminderJob,
  {
    name: SEND_MESSAGE_JOB,
    // A slow or dead provider holds one delivery for at most its timeout; the others go on beside it.
    concurrency: 8,
    // Sign-in codes and links leave before any backlog of other messages (issue 17 item 1).
    urgentLane: { minPriority: URGENT_MESSAGE_PRIORITY, concurrency: 2 },
    handle: (ctx, data) =>
      sendMessage(
        ctx.db,
        transportFor(ctx),
        String(data.messageId),
        () => ctx.clock.now(),
        messageSealer(ctx.config),
        ctx.metrics,
        (failure) => alertDeliveryFailure(ctx, failure),
      ),
  },
  {
    // Safety net: a message whose job was lost (e.g. a crash) is still delivered.
    name: 'sweep-messages',
    cron: '* * * * *',
    handle: async (ctx) => {
      const stale = await ctx.db
        .select({ id: messages.id })
        .from(messages)
        .where(and(eq(messages.status, 'queued'), lt(messages.createdAt, new Date(Date.now() - 120_000))))
        .limit(100);
      for (const { id } of stale) {
        await sendMessage(
          ctx.db,
          transportFor(ctx),
          id,
          () => ctx.clock.now(),
          messageSealer(ctx.config),
          ctx.metrics,
          (failure) => alertDeliveryFailure(ctx, failure),
        ).catch(() => undefined);
      }
    },
  },
  {
    // The portable export on a schedule, with retention (BACKUP_DIR, BACKUP_CRON, BACKUP_KEEP).
    name: DATABASE_BACKUP_JOB,
    cron: '30 2 * * *',
    handle: async (ctx) => {
      if (!ctx.config.BACKUP_DIR) return;
      const { file, header, removed } = await runBackup(ctx.database, {
        dir: ctx.config.BACKUP_DIR,
        keep: ctx.config.BACKUP_KEEP,
        now: new Date(),
      });
      const rows = header.tables.reduce((sum, t) => sum + t.rows, 0);
      ctx.log.info({ file, rows, removed }, 'database backup written');
    },
  },
];
