import { Inject } from '@nestjs/common';
import { Args, Context, Mutation, Query, Resolver } from '@nestjs/graphql';
import { GraphQLError } from 'graphql';
import { markNotificationsRead, NOTIFICATIONS, type SqliteNotificationsReader } from '#application';
import { Consistency, pageSize } from '../read-models/consistency.js';
import { toConnection } from '../read-models/connection.js';
import { UseCases } from '../graphql/use-cases.js';
import type { GraphQLContext } from '../graphql/viewer-context.js';
import { MarkNotificationsReadInputDto } from './notifications.inputs.js';

/** The signed-in participant's notifications: every query is by the viewer, so nobody reads another's. */
@Resolver()
export class NotificationsResolver {
  constructor(
    @Inject(UseCases) private readonly useCases: UseCases,
    @Inject(NOTIFICATIONS) private readonly notifications: SqliteNotificationsReader,
    @Inject(Consistency) private readonly consistency: Consistency,
  ) {}

  private recipient(context: GraphQLContext): string {
    const participantId = context.viewer?.participantId;
    if (!participantId) {
      throw new GraphQLError('Sign in to read your notifications.', { extensions: { code: 'UNAUTHENTICATED' } });
    }
    return participantId;
  }

  @Query('notifications')
  async list(
    @Args('first') first: number,
    @Args('after') after: string | null,
    @Args('unreadOnly') unreadOnly: boolean | null,
    @Args('consistentAfter') consistentAfter: bigint | null,
    @Context() context: GraphQLContext,
  ) {
    const recipient = this.recipient(context);
    await this.consistency.after(consistentAfter);
    const page = this.notifications.page(recipient, unreadOnly === true, { first: pageSize(first, 20), after: after ?? null });
    return { ...toConnection(page), unreadCount: page.unreadCount };
  }

  @Mutation('markNotificationsRead')
  async markRead(@Args('input') input: MarkNotificationsReadInputDto, @Context() context: GraphQLContext) {
    const recipient = this.recipient(context);
    const result = await this.useCases.run(markNotificationsRead, { ids: input.ids ?? null }, context, input);
    const settled = await this.consistency.settled(result);
    return { marked: result.marked, unreadCount: this.notifications.unreadCount(recipient), position: settled.position ?? null };
  }
}
