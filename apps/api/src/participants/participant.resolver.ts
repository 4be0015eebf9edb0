import { Inject } from '@nestjs/common';
import { Args, Context, Parent, Query, ResolveField, Resolver } from '@nestjs/graphql';
import { ForbiddenError, GRANTS, type GrantsReader, PARTICIPANTS, type ParticipantsReader, PersonalDataReader } from '#application';
import { toConnection } from '../read-models/connection.js';
import { pageSize } from '../read-models/consistency.js';
import { GraphQLError } from 'graphql';
import type { GraphQLContext } from '../graphql/viewer-context.js';

/** A participant, for admins and the person themself, with their personal data while it exists. */
@Resolver('Participant')
export class ParticipantResolver {
  constructor(
    @Inject(PersonalDataReader) private readonly personalDataReader: PersonalDataReader,
    @Inject(GRANTS) private readonly grants: GrantsReader,
    @Inject(PARTICIPANTS) private readonly participants: ParticipantsReader,
  ) {}

  @Query('participants')
  participantList(
    @Args() args: { first?: number; after?: string | null; role?: string | null; scope?: string | null },
    @Context() context: GraphQLContext,
  ) {
    if (!context.viewer) throw new GraphQLError('Sign in to read participants.', { extensions: { code: 'UNAUTHENTICATED' } });
    const self = context.viewer.participantId;
    if (self === null || !this.grants.rolesOf(self).some((grant) => grant.role === 'ADMIN')) {
      throw new ForbiddenError('Only an administrator may list participants.');
    }
    const page = this.participants.page(
      { role: args.role, scope: args.scope },
      { first: pageSize(args.first, 50), after: args.after ?? null },
    );
    return toConnection({ ...page, items: page.items.map((item) => ({ ...item, node: { ...item.node, roles: [...item.node.roles] } })) });
  }

  @Query('participant')
  async participant(@Args('id') id: string, @Context() context: GraphQLContext) {
    if (!context.viewer) throw new GraphQLError('Sign in to read participants.', { extensions: { code: 'UNAUTHENTICATED' } });
    const found = this.participants.byId(id);
    if (!found) return null;
    const self = context.viewer.participantId;
    const isAdmin = self !== null && this.grants.rolesOf(self).some((grant) => grant.role === 'ADMIN');
    if (!isAdmin && found.id !== self) throw new ForbiddenError('Only an administrator, or the person themself, may read a participant.');
    return { ...found, roles: [...found.roles] };
  }

  @ResolveField('personalData')
  async personalData(@Parent() participant: { id: string }, @Context() context: GraphQLContext) {
    if (!context.viewer) return null;
    try {
      if (context.viewer.participantId === null) return null;
      const data = await this.personalDataReader.of(participant.id, context.viewer.participantId);
      if (data === null) return null;
      return data === 'erased'
        ? { subject: null, realName: null, email: null, erased: true }
        : { subject: data.subject ?? null, realName: data.realName, email: data.email, erased: false };
    } catch (error) {
      if (error instanceof ForbiddenError) return null;
      throw error;
    }
  }
}
