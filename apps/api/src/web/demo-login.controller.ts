import { Body, Controller, Get, HttpCode, Inject, NotFoundException, Post } from '@nestjs/common';
import { IsString, Length } from 'class-validator';
import { PARTICIPANTS, type ParticipantsReader } from '#application';
import { PLATFORM_CONFIG, type PlatformConfig, devTokenSecret, signDevToken } from '#platform';

class DemoLoginRequest {
  @IsString() @Length(1, 200)
  subject!: string;
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
  ) {}

  /** How the web app signs people in: the OIDC provider and its public client (code flow with PKCE), or the demo page. */
  @Get('config')
  settings(): { demoLogin: boolean; oidc: { authority: string; clientId: string; audience: string } | null } {
    const auth = this.config.auth;
    const oidc = auth.mode === 'oidc' && auth.webClientId ? { authority: auth.issuer, clientId: auth.webClientId, audience: auth.audience } : null;
    return { demoLogin: this.config.demoLogin, oidc };
  }

  @Get('demo-participants')
  demoParticipants(): { subject: string; displayName: string; kind: string; roles: { role: string; scope: string | null }[] }[] {
    this.requireDemo();
    return this.participants.list(200).map((p) => ({ subject: p.subject, displayName: p.displayName, kind: p.kind, roles: [...p.roles] }));
  }

  @Post('demo-login')
  @HttpCode(200)
  async demoLogin(@Body() request: DemoLoginRequest): Promise<{ token: string; subject: string; displayName: string }> {
    this.requireDemo();
    const participant = this.participants.bySubject(request.subject);
    if (!participant) throw new NotFoundException('There is no participant with this subject.');
    const token = await signDevToken(devTokenSecret(this.config), { subject: participant.subject, name: participant.displayName, expiresIn: '8h' });
    return { token, subject: participant.subject, displayName: participant.displayName };
  }

  private requireDemo(): void {
    if (!this.config.demoLogin || this.config.auth.mode !== 'dev') throw new NotFoundException('Demo sign-in is not enabled (DEMO_LOGIN=true).');
  }
}
