import { constants, PerformanceObserver } from 'node:perf_hooks';
import { getHeapStatistics } from 'node:v8';
import { collectDefaultMetrics, Counter, Gauge, Histogram, Registry } from 'prom-client';

/** Prometheus metrics of one api process. */
export class Metrics {
  readonly registry = new Registry();

  readonly httpRequestDuration = new Histogram({
    name: 'http_request_duration_seconds',
    help: 'HTTP request latency by method, route and status code.',
    labelNames: ['method', 'route', 'status'] as const,
    buckets: [0.001, 0.0025, 0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5],
    registers: [this.registry],
  });

  readonly commandDuration = new Histogram({
    name: 'command_duration_seconds',
    help: 'Latency of GraphQL mutations (commands) by name and outcome (ok or the error code).',
    labelNames: ['command', 'outcome'] as const,
    buckets: [0.001, 0.0025, 0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5],
    registers: [this.registry],
  });

  readonly appendDuration = new Histogram({
    name: 'eventstore_append_duration_seconds',
    help: 'Latency of event store appends (durable commit included), by outcome.',
    labelNames: ['outcome'] as const,
    buckets: [0.0005, 0.001, 0.0025, 0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1],
    registers: [this.registry],
  });

  readonly notificationMail = new Counter({
    name: 'notification_mail_total',
    help: 'Notification e-mails by outcome: sent, no_address (none recorded, or erased), failed (tried again later).',
    labelNames: ['outcome'] as const,
    registers: [this.registry],
  });

  readonly projectionLag: Gauge<'projection'>;

  /**
   * Heap used right after the latest major (mark-compact) collection: the live heap, what a leak makes grow.
   * `nodejs_heap_size_used_bytes` also counts garbage not yet collected, which swings by a hundred MB under load.
   */
  readonly heapAfterMajorGc = new Gauge({
    name: 'nodejs_heap_used_after_major_gc_bytes',
    help: 'V8 heap used right after the latest major garbage collection (the live heap).',
    registers: [this.registry],
  });

  private lagOf: () => Promise<readonly { name: string; lag: number | bigint }[]> = async () => [];

  constructor() {
    collectDefaultMetrics({ register: this.registry });
    const lagOf = () => this.lagOf();
    this.projectionLag = new Gauge({
      name: 'projection_lag_events',
      help: 'How many events each read model is behind the head of the log.',
      labelNames: ['projection'] as const,
      registers: [this.registry],
      async collect() {
        this.reset();
        for (const p of await lagOf()) this.set({ projection: p.name }, Number(p.lag));
      },
    });
  }

  /** Follows major garbage collections until `stop()` (the process's whole life in the api). */
  watchHeap(): { stop(): void } {
    const observer = new PerformanceObserver((list) => {
      const major = list
        .getEntries()
        .some((entry) => (entry as { detail?: { kind?: number } }).detail?.kind === constants.NODE_PERFORMANCE_GC_MAJOR);
      if (major) this.heapAfterMajorGc.set(getHeapStatistics().used_heap_size);
    });
    observer.observe({ entryTypes: ['gc'] });
    return { stop: () => observer.disconnect() };
  }

  /** Reports each read model's lag at every scrape. */
  observeProjections(lagOf: () => Promise<readonly { name: string; lag: number | bigint }[]>): void {
    this.lagOf = lagOf;
  }
}
