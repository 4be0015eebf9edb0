import { Inject } from '@nestjs/common';
import { Command, CommandRunner, Option } from 'nest-commander';
import { devTokenSecret, PLATFORM_CONFIG, type PlatformConfig, signDevToken } from '#platform';

interface TokenOptions {
  sub: string;
  name?: string;
  expires?: string;
}

/** Prints a dev token signed with the secret the api uses (from DATA_DIR or AUTH_DEV_SECRET). */
@Command({ name: 'token', description: 'print a dev bearer token for a subject (embedded default only)' })
export class TokenCommand extends CommandRunner {
  constructor(@Inject(PLATFORM_CONFIG) private readonly config: PlatformConfig) {
    super();
  }

  async run(_params: string[], options: TokenOptions): Promise<void> {
    if (this.config.auth.mode === 'oidc') {
      throw new Error('AUTH_ISSUER is set: tokens come from your identity provider, not from this command');
    }
    const token = await signDevToken(devTokenSecret(this.config), {
      subject: options.sub,
      ...(options.name ? { name: options.name } : {}),
      ...(options.expires ? { expiresIn: options.expires } : {}),
    });
    process.stdout.write(`${token}\n`);
  }

  @Option({ flags: '--sub <id>', description: 'the subject (user id) the token is for', required: true })
  parseSub(value: string): string {
    return value;
  }

  @Option({ flags: '--name <name>', description: 'display name claim' })
  parseName(value: string): string {
    return value;
  }

  @Option({ flags: '--expires <duration>', description: 'lifetime such as 8h or 7d (default 12h)' })
  parseExpires(value: string): string {
    if (!/^\d+\s*(s|m|h|d|w)$/.test(value)) throw new Error('--expires must be a duration such as 30m, 8h or 7d');
    return value;
  }
}
