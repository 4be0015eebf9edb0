/**
 * The real api, started in this process (a NestJS testing module of `AppModule`) on a loopback port, with a clock
 * the test moves forward: every command and every "today" of the api reads it. Events go to an in-memory log
 * (`memory:`), read models and keys to a temporary DATA_DIR.
 */
import 'reflect-metadata';
import type { INestApplication } from '@nestjs/common';
import { Test } from '@nestjs/testing';
import type { AddressInfo } from 'node:net';
import { CLOCK, type Clock } from '#application';
import { createLogger, loadConfig } from '#platform';
import { AppModule } from '../../apps/api/src/app.module.js';
import { removeDir, tempDataDir } from './temp-dir.js';
import { tokenSignedWith } from './tokens.js';

/** The dev-token secret of in-process apis (tokens from `token()` are signed with it). */
export const IN_PROCESS_SECRET = 'in-process-api-secret-for-tests-only-0123456789';

export interface GraphQLError {
  message: string;
  extensions?: { code?: string; rule?: string; [key: string]: unknown };
}

export interface GraphQLResponse<T> {
  data?: T;
  errors?: GraphQLError[];
}

/** A clock that stands still until the test moves it; never backwards. */
export class TestClock implements Clock {
  private current: Date;

  constructor(start: Date) {
    this.current = new Date(start);
  }

  now(): Date {
    return new Date(this.current);
  }

  /** Moves to `instant` (an ISO string or Date); refuses to go back. */
  set(instant: Date | string): void {
    const next = new Date(instant);
    if (next.getTime() < this.current.getTime())
      throw new Error(`The test clock does not go back (${this.current.toISOString()} -> ${next.toISOString()})`);
    this.current = next;
  }
}

export interface InProcessApi {
  readonly url: string;
  readonly clock: TestClock;
  /** A dev token for `subject`. */
  token(subject: string): Promise<string>;
  graphql<T = Record<string, unknown>>(query: string, variables?: Record<string, unknown>, token?: string): Promise<GraphQLResponse<T>>;
  stop(): Promise<void>;
}

export interface InProcessOptions {
  /** Where the clock starts. */
  readonly start: Date;
  /** Subject made ADMIN at start-up. */
  readonly bootstrapAdmin?: string;
  /** Extra environment for `loadConfig`. */
  readonly env?: Record<string, string>;
}

export async function startInProcessApi(options: InProcessOptions): Promise<InProcessApi> {
  const dataDir = tempDataDir('npa-in-process-');
  const clock = new TestClock(options.start);
  let app: INestApplication | undefined;
  try {
    const config = loadConfig({
      DATA_DIR: dataDir,
      EVENTSTORE_URL: 'memory:',
      AUTH_DEV_SECRET: IN_PROCESS_SECRET,
      LOG_LEVEL: 'silent',
      ...(options.bootstrapAdmin ? { BOOTSTRAP_ADMIN: options.bootstrapAdmin } : {}),
      ...options.env,
    });
    const moduleRef = await Test.createTestingModule({ imports: [AppModule.forRoot(config, createLogger('silent'))] })
      .overrideProvider(CLOCK)
      .useValue(clock)
      .compile();
    app = moduleRef.createNestApplication({ logger: false });
    await app.listen(0, '127.0.0.1');
  } catch (error) {
    await app?.close();
    removeDir(dataDir);
    throw error;
  }
  const running = app;
  const url = `http://127.0.0.1:${(running.getHttpServer().address() as AddressInfo).port}/graphql`;
  const tokens = new Map<string, Promise<string>>();
  return {
    url,
    clock,
    token(subject) {
      let found = tokens.get(subject);
      if (!found) tokens.set(subject, (found = tokenSignedWith(IN_PROCESS_SECRET, subject)));
      return found;
    },
    async graphql<T>(query: string, variables: Record<string, unknown> = {}, token?: string): Promise<GraphQLResponse<T>> {
      const res = await fetch(url, {
        method: 'POST',
        headers: { 'content-type': 'application/json', ...(token ? { authorization: `Bearer ${token}` } : {}) },
        body: JSON.stringify({ query, variables }),
      });
      const text = await res.text();
      try {
        return JSON.parse(text) as GraphQLResponse<T>;
      } catch {
        throw new Error(`Not a GraphQL answer (HTTP ${res.status}): ${text.slice(0, 500)}`);
      }
    },
    async stop() {
      await running.close();
      removeDir(dataDir);
    },
  };
}
