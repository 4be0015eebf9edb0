import { Body, Controller, Get, HttpCode, Inject, NotFoundException, Post } from '@nestjs/common';
import { IsString, Length } from 'class-validator';
import { IDENTITIES, type Identities, PARTICIPANTS, type ParticipantsReader } from '#application';
import { PLATFORM_CONFIG, type PlatformConfig, devTokenSecret, signDevToken } from '#platform';

class DemoLoginRequest {
  @IsString()
  @Length(1, 200)
  participantId!: string;
}

/**
 * The web app's sign-in settings, and — with `DEMO_LOGIN=true` on the embedded store only — a sign-in as any
 * registered participant without a password, for demonstrations. Refused (404) otherwise.
 */
@Controller('auth')
export class DemoLoginController {
  constructor(
    @Inject(PLATFORM_CONFIG) private readonly config: PlatformConfig,
    @Inject(PARTICIPANTS) private readonly participants: ParticipantsReader,
    @Inject(IDENTITIES) private readonly identities: Identities,
  ) {}

  /** How the web app signs people in: the OIDC provider and its public client (code flow with PKCE), or the demo page. */
  @Get('config')
  settings(): { demoLogin: boolean; oidc: { authority: string; clientId: string; audience: string } | null } {
    const auth = this.config.auth;
    const oidc =
      auth.mode === 'oidc' && auth.webClientId ? { authority: auth.issuer, clientId: auth.webClientId, audience: auth.audience } : null;
    return { demoLogin: this.config.demoLogin, oidc };
  }

  /** The participants one may sign in as: by id and display name, never by subject (personal data). */
  @Get('demo-participants')
  demoParticipants(): { participantId: string; displayName: string; kind: string; roles: { role: string; scope: string | null }[] }[] {
    this.requireDemo();
    return this.participants.list(200).map((p) => ({ participantId: p.id, displayName: p.displayName, kind: p.kind, roles: [...p.roles] }));
  }

  /** A token for the participant's subject, opened from their sealed personal data (none for an erased person). */
  @Post('demo-login')
  @HttpCode(200)
  async demoLogin(@Body() request: DemoLoginRequest): Promise<{ token: string; subject: string; displayName: string }> {
    this.requireDemo();
    const participant = this.participants.byId(request.participantId);
    const subject = participant && (await this.identities.subjectOf(participant.id));
    if (!participant || subject === undefined) throw new NotFoundException('There is no participant to sign in as with this id.');
    const token = await signDevToken(devTokenSecret(this.config), { subject, name: participant.displayName, expiresIn: '8h' });
    return { token, subject, displayName: participant.displayName };
  }

  private requireDemo(): void {
    if (!this.config.demoLogin || this.config.auth.mode !== 'dev')
      throw new NotFoundException('Demo sign-in is not enabled (DEMO_LOGIN=true).');
  }
}
