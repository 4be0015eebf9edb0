import { RateLimiterMemory, RateLimiterRes } from 'rate-limiter-flexible';

/** Too many requests from one participant: answered with `RATE_LIMITED`. */
export class RateLimitedError extends Error {
  readonly code = 'RATE_LIMITED';
  constructor(message: string) {
    super(message);
    this.name = 'RateLimitedError';
  }
}

/**
 * Per-participant limit on posting comments (10 a minute by default), counted in this process: with several api
 * instances each counts its own share.
 */
export class CommentRateLimit {
  private readonly limiter: RateLimiterMemory;

  constructor(readonly perMinute = 10) {
    this.limiter = new RateLimiterMemory({ points: perMinute, duration: 60 });
  }

  async take(participantId: string): Promise<void> {
    try {
      await this.limiter.consume(participantId);
    } catch (rejection) {
      if (!(rejection instanceof RateLimiterRes)) throw rejection;
      const seconds = Math.ceil(rejection.msBeforeNext / 1000);
      throw new RateLimitedError(`Too many comments: at most ${this.perMinute} a minute. Try again in ${seconds} s.`);
    }
  }
}
