import {
  type DynamicModule,
  Global,
  Inject,
  Injectable,
  Module,
  type OnApplicationBootstrap,
  type OnApplicationShutdown,
} from '@nestjs/common';
import {
  bootstrapAdmin,
  CATALOGUE,
  SqliteCatalogueReader,
  SqliteTrackingReader,
  SqliteDiscussionReader,
  DISCUSSIONS,
  NOTIFICATIONS,
  SqliteNotificationsReader,
  COMMENT_RATE_LIMIT,
  KEY_STORE,
  CommentRateLimit,
  TRACKING,
  CLOCK,
  type Clock,
  EVENT_STORE,
  GRANTS,
  type GrantsReader,
  IDENTITIES,
  Identities,
  PARTICIPANTS,
  SqliteGrantsReader,
  SqliteParticipantsReader,
} from '#application';
import type { ReadModelStore } from '#projections';
import type { PlatformConfig } from './config.js';
import type { Logger } from './logger.js';
import { openPlatform, type Platform, type PlatformOptions } from './platform.js';
import { openPlatformClock } from './platform-clock.js';
import { LOGGER, PLATFORM, PLATFORM_CONFIG, PROJECTION_RUNNER, READ_MODELS } from './tokens.js';

export interface PlatformModuleOptions extends PlatformOptions {
  /** Start the projection runner (and the bootstrap admin) with the application; the api does, most CLI commands don't. */
  readonly runProjections: boolean;
}

/** Starts the read models with the application and closes every store after the HTTP server has stopped. */
@Injectable()
class PlatformLifecycle implements OnApplicationBootstrap, OnApplicationShutdown {
  constructor(
    @Inject(PLATFORM) private readonly platform: Platform,
    @Inject(PLATFORM_CONFIG) private readonly config: PlatformConfig,
    @Inject(LOGGER) private readonly logger: Logger,
    @Inject('PLATFORM_MODULE_OPTIONS') private readonly options: PlatformModuleOptions,
    @Inject(GRANTS) private readonly grants: GrantsReader,
    @Inject(CLOCK) private readonly clock: Clock,
    @Inject(IDENTITIES) private readonly identities: Identities,
  ) {}

  async onApplicationBootstrap(): Promise<void> {
    if (!this.options.runProjections) return;
    await this.platform.runner.start();
    const subject = this.config.bootstrapAdmin;
    if (!subject) return;
    const head = await this.platform.store.headPosition();
    if (head !== undefined && !(await this.platform.runner.waitFor(head, 60_000, ['participants']))) {
      this.logger.error({ subject }, 'BOOTSTRAP_ADMIN skipped: the participants read model did not catch up');
      return;
    }
    const result = await bootstrapAdmin(this.platform.store, this.identities, this.grants, subject, this.clock.now());
    if (!result) return;
    if (result.position !== undefined) await this.platform.runner.waitFor(result.position, 10_000);
    this.logger.info({ subject, position: result.position?.toString() }, 'BOOTSTRAP_ADMIN granted ADMIN');
  }

  async onApplicationShutdown(signal?: string): Promise<void> {
    await this.platform.close();
    this.logger.info({ signal }, 'stores closed');
  }
}

/**
 * The platform's stores as Nest providers, global so that the application's handlers, the api's resolvers and
 * the CLI's commands all receive the same instances.
 */
@Global()
@Module({})
export class PlatformModule {
  static forRoot(config: PlatformConfig, logger: Logger, options: PlatformModuleOptions): DynamicModule {
    return {
      module: PlatformModule,
      providers: [
        { provide: PLATFORM_CONFIG, useValue: config },
        { provide: LOGGER, useValue: logger },
        { provide: 'PLATFORM_MODULE_OPTIONS', useValue: options },
        { provide: PLATFORM, useFactory: () => openPlatform(config, logger, options) },
        { provide: EVENT_STORE, inject: [PLATFORM], useFactory: (platform: Platform) => platform.store },
        { provide: READ_MODELS, inject: [PLATFORM], useFactory: (platform: Platform) => platform.readModels },
        { provide: PROJECTION_RUNNER, inject: [PLATFORM], useFactory: (platform: Platform) => platform.runner },
        { provide: CLOCK, inject: [PLATFORM], useFactory: (platform: Platform) => openPlatformClock(config, platform.store) },
        { provide: GRANTS, inject: [READ_MODELS], useFactory: (readModels: ReadModelStore) => new SqliteGrantsReader(readModels.db) },
        {
          provide: PARTICIPANTS,
          inject: [READ_MODELS],
          useFactory: (readModels: ReadModelStore) => new SqliteParticipantsReader(readModels.db),
        },
        {
          provide: DISCUSSIONS,
          inject: [READ_MODELS],
          useFactory: (readModels: ReadModelStore) => new SqliteDiscussionReader(readModels.db),
        },
        {
          provide: NOTIFICATIONS,
          inject: [READ_MODELS],
          useFactory: (readModels: ReadModelStore) => new SqliteNotificationsReader(readModels.db),
        },
        { provide: COMMENT_RATE_LIMIT, useValue: new CommentRateLimit(config.commentsPerMinute) },
        { provide: KEY_STORE, inject: [PLATFORM], useFactory: (platform: Platform) => platform.keys },
        { provide: IDENTITIES, inject: [PLATFORM], useFactory: (platform: Platform) => new Identities(platform.store, platform.keys) },
        {
          provide: TRACKING,
          inject: [READ_MODELS],
          useFactory: (readModels: ReadModelStore) => new SqliteTrackingReader(readModels.db),
        },
        {
          provide: CATALOGUE,
          inject: [READ_MODELS],
          useFactory: (readModels: ReadModelStore) => new SqliteCatalogueReader(readModels.db),
        },
        PlatformLifecycle,
      ],
      exports: [
        PLATFORM_CONFIG,
        LOGGER,
        PLATFORM,
        EVENT_STORE,
        READ_MODELS,
        PROJECTION_RUNNER,
        CLOCK,
        GRANTS,
        PARTICIPANTS,
        CATALOGUE,
        TRACKING,
        DISCUSSIONS,
        NOTIFICATIONS,
        COMMENT_RATE_LIMIT,
        KEY_STORE,
        IDENTITIES,
      ],
    };
  }
}
