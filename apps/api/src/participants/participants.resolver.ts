import { Inject } from '@nestjs/common';
import { Args, Context, Mutation, Query, Resolver } from '@nestjs/graphql';
import {
  erasePersonalData,
  grantRole,
  PARTICIPANTS,
  type ParticipantResult,
  type ParticipantsReader,
  registerParticipant,
  revokeRole,
  viewerOf,
} from '#application';
import type { ProjectionRunner } from '#projections';
import { PLATFORM_CONFIG, type PlatformConfig, PROJECTION_RUNNER } from '#platform';
import { UseCases } from '../graphql/use-cases.js';
import type { ParticipantPayload, Viewer } from '../graphql/generated/schema.js';
import type { GraphQLContext } from '../graphql/viewer-context.js';
import { ErasePersonalDataInputDto, GrantRoleInputDto, RegisterParticipantInputDto, RevokeRoleInputDto } from './participants.inputs.js';

@Resolver()
export class ParticipantsResolver {
  constructor(
    @Inject(UseCases) private readonly useCases: UseCases,
    @Inject(PARTICIPANTS) private readonly participants: ParticipantsReader,
    @Inject(PROJECTION_RUNNER) private readonly runner: ProjectionRunner,
    @Inject(PLATFORM_CONFIG) private readonly config: PlatformConfig,
  ) {}

  @Query('viewer')
  async viewer(@Context() context: GraphQLContext): Promise<Viewer | null> {
    if (!context.viewer) return null;
    const viewer = viewerOf(this.participants, context.viewer.subject, context.viewer.participantId);
    return { ...viewer, roles: [...viewer.roles] };
  }

  @Mutation('registerParticipant')
  async registerParticipant(
    @Args('input') input: RegisterParticipantInputDto,
    @Context() context: GraphQLContext,
  ): Promise<ParticipantPayload> {
    const { subject, displayName, kind } = input;
    const ageBand = input.ageBand ? ({ UNDER_18: 'UNDER_18', AGE_18_24: '18_24', ADULT: 'ADULT' } as const)[input.ageBand] : undefined;
    const registration = {
      subject,
      displayName,
      kind,
      ...(ageBand ? { ageBand } : {}),
      ...(input.realName ? { realName: input.realName } : {}),
      ...(input.email ? { email: input.email } : {}),
      ...(input.sponsorStakeholderId ? { sponsorId: input.sponsorStakeholderId } : {}),
    };
    return this.payload(await this.useCases.run(registerParticipant, registration, context, input));
  }

  @Mutation('grantRole')
  async grantRole(@Args('input') input: GrantRoleInputDto, @Context() context: GraphQLContext): Promise<ParticipantPayload> {
    const { subject, role, scope } = input;
    return this.payload(await this.useCases.run(grantRole, { subject, role, scope: scope ?? null }, context, input));
  }

  @Mutation('revokeRole')
  async revokeRole(@Args('input') input: RevokeRoleInputDto, @Context() context: GraphQLContext): Promise<ParticipantPayload> {
    const { subject, role, scope, reason } = input;
    return this.payload(
      await this.useCases.run(revokeRole, { subject, role, scope: scope ?? null, reason: reason ?? null }, context, input),
    );
  }

  @Mutation('erasePersonalData')
  async erasePersonalData(
    @Args('input') input: ErasePersonalDataInputDto,
    @Context() context: GraphQLContext,
  ): Promise<ParticipantPayload> {
    return this.payload(await this.useCases.run(erasePersonalData, { participantId: input.participantId }, context, input));
  }

  /** Read-your-writes: answer once the read models include the command's events (bounded wait). */
  private async payload(result: ParticipantResult): Promise<ParticipantPayload> {
    if (result.position !== undefined) await this.runner.waitFor(result.position, this.config.consistencyTimeoutMs);
    const { participant } = result;
    return {
      participant: { ...participant, roles: [...participant.roles] },
      version: result.version,
      position: (result.position ?? 0n).toString(),
    };
  }
}
