import { type DynamicModule, Module } from '@nestjs/common';
import { CqrsModule } from '@nestjs/cqrs';
import { ApplicationModule } from '#application';
import { type Logger, type PlatformConfig, PlatformModule } from '#platform';
import { EventsCommand, EventsTailCommand } from './commands/events-tail.command.js';
import { GrantRoleCommandRunner } from './commands/grant-role.command.js';
import { RebuildProjectionsCommand } from './commands/rebuild-projections.command.js';
import { RemindersCommand, RemindersRunCommand } from './commands/reminders.command.js';
import { SeedDemoCommand } from './commands/seed-demo.command.js';
import { TokenCommand } from './commands/token.command.js';

@Module({})
export class CliModule {
  static forRoot(config: PlatformConfig, logger: Logger): DynamicModule {
    return {
      module: CliModule,
      imports: [PlatformModule.forRoot(config, logger, { runProjections: false }), CqrsModule.forRoot(), ApplicationModule],
      providers: [
        TokenCommand,
        GrantRoleCommandRunner,
        RebuildProjectionsCommand,
        SeedDemoCommand,
        EventsCommand,
        EventsTailCommand,
        RemindersCommand,
        RemindersRunCommand,
      ],
    };
  }
}
