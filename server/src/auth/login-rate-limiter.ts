import { Inject, Injectable } from '@nestjs/common';
import Redis from 'ioredis';
import { AppError } from '../common/app-error';
import { APP_CONFIG, type AppConfig } from '../config/config';
import { REDIS } from '../infra/redis.module';

/**
 * Fixed-window login limiter in Redis, shared by every API process: per client address and
 * per account, so neither one address nor a distributed attack can guess a password fast.
 */
@Injectable()
export class LoginRateLimiter {
  constructor(
    @Inject(REDIS) private readonly redis: Redis,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
  ) {}

  /**
   * Counts an attempt (atomically, so parallel guesses are counted too) and throws `throttled`
   * over the limit. A successful login then gives the attempt back with `succeeded`: only
   * failures accumulate.
   */
  async hit(ip: string, email: string): Promise<void> {
    const window = this.config.LOGIN_RATE_WINDOW_SEC;
    const limit = this.config.LOGIN_RATE_LIMIT;
    const keys = this.keys(ip, email);
    let counts: number[];
    try {
      const pipeline = this.redis.multi();
      for (const key of keys) pipeline.incr(key).expire(key, window, 'NX');
      const results = (await pipeline.exec()) ?? [];
      counts = [Number(results[0]?.[1]), Number(results[2]?.[1])];
    } catch {
      throw new AppError('unavailable', 'Login temporarily unavailable, retry in a moment');
    }
    // the account limit is looser: many colleagues may share a NAT address, not an account
    if (counts[0] > limit * 3 || counts[1] > limit) {
      throw new AppError('throttled', `Too many login attempts, retry in ${window} seconds`);
    }
  }

  async succeeded(ip: string, email: string): Promise<void> {
    const [ipKey, accountKey] = this.keys(ip, email);
    await this.redis.multi().decr(ipKey).del(accountKey).exec().catch(() => undefined);
  }

  private keys(ip: string, email: string): [string, string] {
    const prefix = `${this.config.REDIS_PREFIX}:login`;
    return [`${prefix}:ip:${ip}`, `${prefix}:account:${email.trim().toLowerCase()}`];
  }
}
