import { Inject } from '@nestjs/common';
import { Command, CommandRunner, Option } from 'nest-commander';
import { randomUUID } from 'node:crypto';
import { userInfo } from 'node:os';
import { CLOCK, type Clock, ensureRole, EVENT_STORE, IDENTITIES, type Identities } from '#application';
import { PARTICIPANT_KINDS, type ParticipantKind, type Role, ROLES } from '#domain';
import type { EventStore } from '#eventstore';

interface GrantRoleOptions {
  sub: string;
  role: Role;
  scope?: string;
  name?: string;
  kind?: ParticipantKind;
}

/**
 * Grants a role as the operator of this installation (whoever can write DATA_DIR): registers the participant
 * first when needed. Recorded with actor `cli:<os user>`. A running api picks it up within a second.
 */
@Command({ name: 'grant-role', description: 'grant a role to a subject, registering them if needed' })
export class GrantRoleCommandRunner extends CommandRunner {
  constructor(
    @Inject(EVENT_STORE) private readonly store: EventStore,
    @Inject(CLOCK) private readonly clock: Clock,
    @Inject(IDENTITIES) private readonly identities: Identities,
  ) {
    super();
  }

  async run(_params: string[], options: GrantRoleOptions): Promise<void> {
    const result = await ensureRole(
      this.store,
      this.identities,
      { subject: options.sub, ...(options.name ? { displayName: options.name } : {}), ...(options.kind ? { kind: options.kind } : {}) },
      { role: options.role, scope: options.scope ?? null },
      { actor: `cli:${userInfo().username}`, correlationId: randomUUID(), now: this.clock.now(), asOperator: true },
    );
    const roles = result.participant.roles.map((grant) => (grant.scope ? `${grant.role}@${grant.scope}` : grant.role)).join(', ');
    process.stdout.write(`${options.sub} (participant ${result.participant.id}) now holds: ${roles}\n`);
  }

  @Option({ flags: '--sub <id>', description: 'the subject (user id) to grant the role to', required: true })
  parseSub(value: string): string {
    return value;
  }

  @Option({ flags: '--role <ROLE>', description: `one of ${ROLES.join(', ')}`, required: true })
  parseRole(value: string): Role {
    if (!(ROLES as readonly string[]).includes(value)) throw new Error(`--role must be one of ${ROLES.join(', ')}`);
    return value as Role;
  }

  @Option({ flags: '--scope <id>', description: 'plan id (COORDINATOR, MONITOR) or stakeholder id (FOCAL_POINT, YOUTH)' })
  parseScope(value: string): string {
    return value;
  }

  @Option({ flags: '--name <displayName>', description: 'display name when the participant is registered now' })
  parseName(value: string): string {
    return value;
  }

  @Option({ flags: '--kind <kind>', description: 'ADULT (default) or YOUTH, when the participant is registered now' })
  parseKind(value: string): ParticipantKind {
    if (!(PARTICIPANT_KINDS as readonly string[]).includes(value)) throw new Error('--kind must be ADULT or YOUTH');
    return value as ParticipantKind;
  }
}
