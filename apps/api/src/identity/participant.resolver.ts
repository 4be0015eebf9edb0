import { Inject } from '@nestjs/common';
import { QueryBus } from '@nestjs/cqrs';
import { Args, Context, Parent, Query, ResolveField, Resolver } from '@nestjs/graphql';
import { ForbiddenError, GetParticipantQuery, GetPersonalDataQuery, GRANTS, type GrantsReader } from '#application';
import { GraphQLError } from 'graphql';
import type { GraphQLContext } from '../graphql/viewer-context.js';

/** A participant, for admins and the person themself, with their personal data while it exists. */
@Resolver('Participant')
export class ParticipantResolver {
  constructor(
    private readonly queries: QueryBus,
    @Inject(GRANTS) private readonly grants: GrantsReader,
  ) {}

  @Query('participant')
  async participant(@Args('id') id: string, @Context() context: GraphQLContext) {
    if (!context.viewer) throw new GraphQLError('Sign in to read participants.', { extensions: { code: 'UNAUTHENTICATED' } });
    const found = await this.queries.execute(new GetParticipantQuery(id));
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
      const data = await this.queries.execute(new GetPersonalDataQuery(participant.id, context.viewer.participantId));
      if (data === null) return null;
      return data === 'erased' ? { subject: null, realName: null, email: null, erased: true } : { subject: data.subject ?? null, realName: data.realName, email: data.email, erased: false };
    } catch (error) {
      if (error instanceof ForbiddenError) return null;
      throw error;
    }
  }
}
