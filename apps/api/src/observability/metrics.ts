import { collectDefaultMetrics, Gauge, Histogram, Registry } from 'prom-client';

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

  readonly projectionLag: Gauge<'projection'>;

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

  /** Reports each read model's lag at every scrape. */
  observeProjections(lagOf: () => Promise<readonly { name: string; lag: number | bigint }[]>): void {
    this.lagOf = lagOf;
  }
}
