import 'reflect-metadata';
import { plainToInstance, Transform } from 'class-transformer';
import { IsIn, IsInt, IsISO8601, IsOptional, IsString, IsUrl, Matches, Max, Min, MinLength, validateSync } from 'class-validator';
import { resolve } from 'node:path';

const toInt = ({ value }: { value: unknown }) => (value === undefined || value === '' ? undefined : Number(value));
const emptyToUndefined = ({ value }: { value: unknown }) => (value === '' ? undefined : value);

/** Environment variables, all optional on the embedded default. Validated with class-validator at start-up. */
class EnvironmentVariables {
  @IsOptional()
  @Transform(toInt)
  @IsInt()
  @Min(0)
  @Max(65535)
  PORT?: number;

  @IsOptional()
  @Transform(emptyToUndefined)
  @IsString()
  HOST?: string;

  @IsOptional()
  @Transform(emptyToUndefined)
  @IsString()
  @MinLength(1)
  DATA_DIR?: string;

  @IsOptional()
  @Transform(emptyToUndefined)
  @Matches(/^(esdb|kurrentdb|esdb\+discover|kurrentdb\+discover):\/\/.+|^memory:$/, {
    message: 'must be an esdb://… (or kurrentdb://…) connection string, or unset for the embedded SQLite store',
  })
  EVENTSTORE_URL?: string;

  @IsOptional()
  @Transform(emptyToUndefined)
  @IsUrl({ require_tld: false, require_protocol: true, protocols: ['http', 'https'] })
  AUTH_JWKS_URL?: string;

  @IsOptional()
  @Transform(emptyToUndefined)
  @IsString()
  AUTH_ISSUER?: string;

  @IsOptional()
  @Transform(emptyToUndefined)
  @IsString()
  AUTH_AUDIENCE?: string;

  @IsOptional()
  @Transform(emptyToUndefined)
  @IsString()
  @MinLength(1)
  AUTH_WEB_CLIENT_ID?: string;

  @IsOptional()
  @Transform(emptyToUndefined)
  @IsString()
  @MinLength(32, { message: 'must be at least 32 characters' })
  AUTH_DEV_SECRET?: string;

  @IsOptional()
  @Transform(emptyToUndefined)
  @IsIn(['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent'])
  LOG_LEVEL?: string;

  @IsOptional()
  @Transform(emptyToUndefined)
  @IsString()
  @MinLength(1)
  BOOTSTRAP_ADMIN?: string;

  @IsOptional()
  @Transform(emptyToUndefined)
  @Matches(/^\d+(b|kb|mb)$/i, { message: 'must be a size such as 100kb or 1mb' })
  BODY_LIMIT?: string;

  @IsOptional()
  @Transform(toInt)
  @IsInt()
  @Min(2)
  @Max(100)
  GRAPHQL_MAX_DEPTH?: number;

  @IsOptional()
  @Transform(toInt)
  @IsInt()
  @Min(10)
  @Max(1_000_000)
  GRAPHQL_MAX_COST?: number;

  @IsOptional()
  @Transform(toInt)
  @IsInt()
  @Min(0)
  @Max(60_000)
  CONSISTENCY_TIMEOUT_MS?: number;

  @IsOptional()
  @Transform(emptyToUndefined)
  @IsIn(['true', 'false'], { message: 'must be true or false' })
  SEED_DEMO?: string;

  @IsOptional()
  @Transform(toInt)
  @IsInt()
  @Min(1)
  @Max(1000)
  COMMENTS_PER_MINUTE?: number;

  @IsOptional()
  @Transform(emptyToUndefined)
  @IsIn(['true', 'false'], { message: 'must be true or false' })
  DEMO_LOGIN?: string;

  @IsOptional()
  @Transform(toInt)
  @IsInt()
  @Min(0)
  @Max(1440)
  REMINDERS_INTERVAL_MINUTES?: number;

  @IsOptional()
  @Transform(emptyToUndefined)
  @IsISO8601({ strict: true, strictSeparator: true }, { message: 'must be a date such as 2013-12-10' })
  @Matches(/^\d{4}-\d{2}-\d{2}$/, { message: 'must be a date such as 2013-12-10' })
  DEMO_DATE?: string;

  @IsOptional()
  @Transform(toInt)
  @IsInt()
  @Min(1)
  @Max(65535)
  METRICS_PORT?: number;

  @IsOptional()
  @Transform(emptyToUndefined)
  @IsString()
  @MinLength(32, { message: 'must be at least 32 characters' })
  @Matches(/^[A-Za-z0-9._~+/-]+=*$/, { message: 'must be one word of letters, digits and - . _ ~ + / (e.g. openssl rand -hex 32)' })
  METRICS_TOKEN?: string;

  @IsOptional()
  @Transform(emptyToUndefined)
  @IsString()
  @MinLength(1)
  @Matches(/^[^\p{Cc}]{1,200}$/u, { message: 'must be one line of at most 200 characters' })
  OPERATOR_NAME?: string;

  @IsOptional()
  @Transform(emptyToUndefined)
  @IsUrl(
    { require_tld: false, require_protocol: true, protocols: ['smtp', 'smtps'] },
    { message: 'must be an smtp:// or smtps:// URL, e.g. smtps://user:password@mail.example.org:465' },
  )
  SMTP_URL?: string;

  @IsOptional()
  @Transform(emptyToUndefined)
  @Matches(/^(?:[^<>\p{Cc}]{1,100} <[^\s@<>]+@[^\s@<>]+>|[^\s@<>]+@[^\s@<>]+)$/u, {
    message: 'must be an address, or a name and an address: "Action plan" <no-reply@example.org>',
  })
  MAIL_FROM?: string;

  @IsOptional()
  @Transform(emptyToUndefined)
  @IsUrl({ require_tld: false, require_protocol: true, protocols: ['http', 'https'] }, { message: 'must be an http(s) URL' })
  PUBLIC_URL?: string;

  @IsOptional()
  @Transform(emptyToUndefined)
  @IsString()
  NODE_ENV?: string;
}

/** Addresses only this machine can reach: the demo sign-in may listen there even in production. */
const LOOPBACK = /^(localhost|127(\.\d{1,3}){3}|::1|\[::1\])$/i;
export const isLoopback = (host: string): boolean => LOOPBACK.test(host);

export type AuthConfig =
  | {
      readonly mode: 'oidc';
      readonly issuer: string;
      readonly audience: string;
      readonly jwksUrl: string;
      /** The web app's public client at the provider (authorization code with PKCE); no web sign-in without it. */
      readonly webClientId: string | undefined;
    }
  | { readonly mode: 'dev'; readonly secret: string | undefined };

export interface PlatformConfig {
  readonly port: number;
  readonly host: string;
  readonly dataDir: string;
  readonly eventStoreUrl: string | undefined;
  readonly auth: AuthConfig;
  readonly logLevel: string;
  readonly bootstrapAdmin: string | undefined;
  readonly bodyLimit: string;
  readonly graphqlMaxDepth: number;
  readonly graphqlMaxCost: number;
  /** How long a mutation waits for the read models to reach its events before answering. */
  readonly consistencyTimeoutMs: number;
  /** Seed the demo plans at start-up (idempotent). */
  readonly seedDemo: boolean;
  /** Comments one participant may post per minute. */
  readonly commentsPerMinute: number;
  /** Where notification e-mail goes: the mail server at `smtpUrl`, or (unset) `.eml` files in DATA_DIR/outbox. */
  readonly mail: { readonly smtpUrl: string | undefined; readonly from: string; readonly appUrl: string };
  /** How often the api runs a reminder pass (after its first, at start); 0: never (the CLI's `reminders run` only). */
  readonly remindersIntervalMinutes: number;
  /** The web app's page to sign in as any registered participant, with no password: demos on the embedded store only. */
  readonly demoLogin: boolean;
  /** `NODE_ENV=production`: no introspection, no GraphiQL, no schema hints in errors; the demo sign-in only on loopback. */
  readonly production: boolean;
  /**
   * Where `/metrics` is served: on its own port (on `host`), or on the main port to `Authorization: Bearer <token>`
   * only; with neither, nowhere. A token, when set, is required on the metrics port too.
   */
  readonly metrics: { readonly port: number | undefined; readonly token: string | undefined };
  /** Who runs this instance (an organisation), shown on the web app's first screen; unset when not configured. */
  readonly operatorName: string | undefined;
  /**
   * A demonstration on its own calendar: the platform's clock starts on this day (YYYY-MM-DD) and runs on from there,
   * so the demo's due dates fall around its present. Unset: the real calendar.
   */
  readonly demoDate: string | undefined;
}

/** Bad configuration: the message is one line naming the variable and why. */
export class ConfigError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'ConfigError';
  }
}

export function loadConfig(env: NodeJS.ProcessEnv = process.env): PlatformConfig {
  const vars = plainToInstance(EnvironmentVariables, { ...env }, { excludeExtraneousValues: false });
  const errors = validateSync(vars, { skipMissingProperties: false, whitelist: false });
  const first = errors[0];
  if (first) {
    const reason = Object.values(first.constraints ?? {})[0] ?? 'is invalid';
    throw new ConfigError(`Invalid configuration: ${first.property} ${reason.replace(`${first.property} `, '')}`);
  }
  const oidc = [vars.AUTH_ISSUER, vars.AUTH_AUDIENCE, vars.AUTH_JWKS_URL];
  if (oidc.some(Boolean) && !oidc.every(Boolean)) {
    const missing = ['AUTH_ISSUER', 'AUTH_AUDIENCE', 'AUTH_JWKS_URL'].filter((_, i) => !oidc[i]);
    throw new ConfigError(`Invalid configuration: ${missing.join(', ')} must be set too (OIDC needs issuer, audience and JWKS URL)`);
  }
  if (oidc.every(Boolean) && vars.AUTH_DEV_SECRET) {
    throw new ConfigError('Invalid configuration: AUTH_DEV_SECRET cannot be combined with an OIDC provider (AUTH_ISSUER)');
  }
  if (vars.DEMO_LOGIN === 'true' && (oidc.every(Boolean) || (vars.EVENTSTORE_URL && vars.EVENTSTORE_URL !== 'memory:'))) {
    throw new ConfigError(
      'Invalid configuration: DEMO_LOGIN is for demos on the embedded store; it cannot be combined with OIDC or EVENTSTORE_URL',
    );
  }
  if (vars.DEMO_DATE && vars.EVENTSTORE_URL && vars.EVENTSTORE_URL !== 'memory:') {
    throw new ConfigError(
      'Invalid configuration: DEMO_DATE puts a demonstration on its own calendar; it is for the embedded store, not EVENTSTORE_URL',
    );
  }
  const production = vars.NODE_ENV === 'production';
  const host = vars.HOST ?? '0.0.0.0';
  if (vars.DEMO_LOGIN === 'true' && production && !isLoopback(host)) {
    throw new ConfigError(
      `Invalid configuration: DEMO_LOGIN=true lets anyone sign in as anyone; with NODE_ENV=production it needs HOST on loopback (127.0.0.1, ::1 or localhost), not ${host}`,
    );
  }
  const port = vars.PORT ?? 3000;
  if (vars.METRICS_PORT !== undefined && vars.METRICS_PORT === port) {
    throw new ConfigError(`Invalid configuration: METRICS_PORT must differ from PORT (${port}): /metrics is served on a port of its own`);
  }
  return {
    port,
    host,
    dataDir: resolve(vars.DATA_DIR ?? './data'),
    eventStoreUrl: vars.EVENTSTORE_URL,
    auth: oidc.every(Boolean)
      ? {
          mode: 'oidc',
          issuer: vars.AUTH_ISSUER!,
          audience: vars.AUTH_AUDIENCE!,
          jwksUrl: vars.AUTH_JWKS_URL!,
          webClientId: vars.AUTH_WEB_CLIENT_ID,
        }
      : { mode: 'dev', secret: vars.AUTH_DEV_SECRET },
    logLevel: vars.LOG_LEVEL ?? 'info',
    bootstrapAdmin: vars.BOOTSTRAP_ADMIN,
    bodyLimit: vars.BODY_LIMIT ?? '1mb',
    graphqlMaxDepth: vars.GRAPHQL_MAX_DEPTH ?? 10,
    graphqlMaxCost: vars.GRAPHQL_MAX_COST ?? 5000,
    consistencyTimeoutMs: vars.CONSISTENCY_TIMEOUT_MS ?? 2000,
    seedDemo: vars.SEED_DEMO === 'true',
    commentsPerMinute: vars.COMMENTS_PER_MINUTE ?? 10,
    remindersIntervalMinutes: vars.REMINDERS_INTERVAL_MINUTES ?? 60,
    mail: {
      smtpUrl: vars.SMTP_URL,
      from: vars.MAIL_FROM ?? '"Action plan coordination" <no-reply@localhost>',
      appUrl: vars.PUBLIC_URL ?? `http://localhost:${port}`,
    },
    demoLogin: vars.DEMO_LOGIN === 'true',
    production,
    metrics: { port: vars.METRICS_PORT, token: vars.METRICS_TOKEN },
    operatorName: vars.OPERATOR_NAME?.trim() || undefined,
    demoDate: vars.DEMO_DATE,
  };
}
