import { Counter, collectDefaultMetrics, Gauge, Histogram, Registry } from 'prom-client';

/** One queue's backlog as the job queue reports it (jobs waiting to run; their oldest's age). */
export interface QueueBacklog {
  queue: string;
  /** Jobs in state created or retry. */
  waiting: number;
  /** Age in seconds of the oldest waiting job whose start time has come; 0 when none. */
  oldestSeconds: number;
}

/**
 * The product's Prometheus metrics (prom-client), one registry per process (docs/operations.md
 * explains each and the alerts to set). Units: seconds, counts. Labels stay low-cardinality: a route
 * is its pattern (`/api/tickets/:token`), never the URL.
 */
export interface Metrics {
  readonly registry: Registry;
  /** Every answered HTTP request, by method, route pattern and status code. */
  readonly httpRequests: Counter<'method' | 'route' | 'status'>;
  /** Requests answered with a 5xx (server fault) or 4xx (client fault), by route. */
  readonly httpErrors: Counter<'method' | 'route' | 'class'>;
  readonly httpDuration: Histogram<'method' | 'route'>;
  /** Messages handed to the provider (`sent`) or given up after the last try (`failed`). */
  readonly messages: Counter<'channel' | 'kind' | 'outcome'>;
  /** One delivery attempt that failed and will be tried again. */
  readonly messageRetries: Counter<'channel' | 'kind'>;
  readonly billingRunDuration: Histogram<'trigger'>;
  readonly billingLines: Counter<'trigger'>;
  readonly loginFailures: Counter<'kind'>;
  readonly rateLimitHits: Counter<'code'>;
  /** Set by the job queue once it runs: read at every scrape. */
  setQueueBacklogSource(source: () => Promise<QueueBacklog[]>): void;
}

/** A fresh registry with the product's metrics and Node's default process metrics. */
export function createMetrics(): Metrics {
  const registry = new Registry();
  collectDefaultMetrics({ register: registry });
  const registers = [registry];
  let backlogSource: (() => Promise<QueueBacklog[]>) | null = null;
  let lastBacklog: QueueBacklog[] = [];
  const readBacklog = async () => {
    if (!backlogSource) return [];
    try {
      lastBacklog = await backlogSource();
    } catch {
      // The database is away: the gauges keep their last values; /ready says what is wrong.
    }
    return lastBacklog;
  };

  const metrics: Metrics = {
    registry,
    httpRequests: new Counter({
      name: 'bb_http_requests_total',
      help: 'HTTP requests answered, by method, route pattern and status code.',
      labelNames: ['method', 'route', 'status'],
      registers,
    }),
    httpErrors: new Counter({
      name: 'bb_http_request_errors_total',
      help: 'HTTP requests answered with an error status, by route and class (4xx, 5xx).',
      labelNames: ['method', 'route', 'class'],
      registers,
    }),
    httpDuration: new Histogram({
      name: 'bb_http_request_duration_seconds',
      help: 'Time from request to response, by method and route pattern.',
      labelNames: ['method', 'route'],
      buckets: [0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10],
      registers,
    }),
    messages: new Counter({
      name: 'bb_messages_total',
      help: 'SMS and email messages by channel, kind and outcome (sent, failed after the last try).',
      labelNames: ['channel', 'kind', 'outcome'],
      registers,
    }),
    messageRetries: new Counter({
      name: 'bb_message_delivery_retries_total',
      help: 'Failed delivery attempts that will be tried again, by channel and kind.',
      labelNames: ['channel', 'kind'],
      registers,
    }),
    billingRunDuration: new Histogram({
      name: 'bb_billing_run_duration_seconds',
      help: 'Duration of one billing run (all companies of a month).',
      labelNames: ['trigger'],
      buckets: [0.1, 0.5, 1, 5, 15, 60, 300, 900, 3600],
      registers,
    }),
    billingLines: new Counter({
      name: 'bb_billing_lines_total',
      help: 'Invoice lines written by billing runs.',
      labelNames: ['trigger'],
      registers,
    }),
    loginFailures: new Counter({
      name: 'bb_login_failures_total',
      help: 'Failed logins: wrong password (password) or wrong SMS code (otp).',
      labelNames: ['kind'],
      registers,
    }),
    rateLimitHits: new Counter({
      name: 'bb_rate_limit_hits_total',
      help: 'Requests refused by a rate limit or lock, by error code.',
      labelNames: ['code'],
      registers,
    }),
    setQueueBacklogSource(source) {
      backlogSource = source;
    },
  };
  new Gauge({
    name: 'bb_job_queue_depth',
    help: 'Jobs waiting in a queue (created or retry), per queue.',
    labelNames: ['queue'],
    registers,
    async collect() {
      this.reset();
      for (const b of await readBacklog()) this.set({ queue: b.queue }, b.waiting);
    },
  });
  new Gauge({
    name: 'bb_job_queue_oldest_seconds',
    help: 'Age of the oldest job that is due and still waiting, per queue (0 when none).',
    labelNames: ['queue'],
    registers,
    async collect() {
      // The depth gauge just read the backlog in the same scrape; reuse it.
      this.reset();
      for (const b of lastBacklog) this.set({ queue: b.queue }, b.oldestSeconds);
    },
  });
  return metrics;
}
