import { createHash, randomBytes, timingSafeEqual } from 'node:crypto';
import { Inject, Injectable } from '@nestjs/common';
import { JwtService } from '@nestjs/jwt';
import { InjectRepository } from '@nestjs/typeorm';
import { IsNull, Repository } from 'typeorm';
import { AppError } from '../common/app-error';
import type { AuthUser } from '../common/auth-user';
import { APP_CONFIG, type AppConfig } from '../config/config';
import type { LoginRequest, LoginResponse } from '../contracts/auth';
import { User } from '../users/user.entity';
import { toPublicUser, UsersService } from '../users/users.service';
import { LoginRateLimiter } from './login-rate-limiter';
import { dummyPasswordHash, verifyPassword } from './password';
import { Session } from './session.entity';

interface AccessClaims {
  sub: string;
  sid: string;
}

export interface IssuedSession extends LoginResponse {
  /** `<sessionId>.<secret>`, for the httpOnly refresh cookie. */
  refreshToken: string;
  refreshExpiresAt: Date;
}

const sha256 = (s: string) => createHash('sha256').update(s).digest('hex');

@Injectable()
export class AuthService {
  constructor(
    private readonly users: UsersService,
    private readonly jwt: JwtService,
    private readonly limiter: LoginRateLimiter,
    @InjectRepository(Session) private readonly sessions: Repository<Session>,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
  ) {}

  async login(input: LoginRequest, ip: string): Promise<IssuedSession> {
    await this.limiter.hit(ip, input.email);
    const user = await this.users.findByEmail(input.email);
    const ok = await verifyPassword(user?.passwordHash ?? (await dummyPasswordHash()), input.password);
    if (!user || !ok || user.disabledAt) {
      throw new AppError('invalid_credentials', 'Invalid email or password');
    }
    await this.limiter.succeeded(ip, input.email);
    const secret = randomBytes(32).toString('base64url');
    const session = await this.sessions.save(
      this.sessions.create({
        userId: user.id,
        secretHash: sha256(secret),
        expiresAt: new Date(Date.now() + this.config.REFRESH_TOKEN_TTL_SEC * 1000),
        revokedAt: null,
      }),
    );
    return this.issue(user, session, secret);
  }

  /** Rotates the refresh secret and issues a new access token. */
  async refresh(refreshToken: string | undefined): Promise<IssuedSession> {
    const [id, secret] = (refreshToken ?? '').split('.');
    const invalid = new AppError('unauthenticated', 'No valid session');
    if (!id || !secret || !/^[0-9a-f-]{36}$/.test(id)) throw invalid;
    const session = await this.sessions.findOneBy({ id, revokedAt: IsNull() });
    if (!session || session.expiresAt < new Date() || !safeEqualHex(session.secretHash, sha256(secret))) {
      throw invalid;
    }
    const user = await this.users.findActive(session.userId);
    if (!user) throw invalid;
    const next = randomBytes(32).toString('base64url');
    const rotated = await this.sessions.update(
      { id, secretHash: session.secretHash, revokedAt: IsNull() },
      { secretHash: sha256(next) },
    );
    if (!rotated.affected) throw invalid; // a concurrent refresh won the rotation
    return this.issue(user, session, next);
  }

  async logout(sessionId: string): Promise<void> {
    await this.sessions.update({ id: sessionId, revokedAt: IsNull() }, { revokedAt: new Date() });
  }

  /** Verifies an access token and loads its user; null when invalid, expired or disabled. */
  async authenticate(token: string | undefined): Promise<(AuthUser & { sessionId: string; exp: number }) | null> {
    if (!token) return null;
    let claims: AccessClaims & { exp: number };
    try {
      claims = await this.jwt.verifyAsync<AccessClaims & { exp: number }>(token);
    } catch {
      return null;
    }
    const user = await this.users.findActive(claims.sub);
    if (!user) return null;
    return {
      id: user.id,
      email: user.email,
      displayName: user.displayName,
      roles: user.roles,
      serviceId: user.serviceId,
      sessionId: claims.sid,
      exp: claims.exp,
    };
  }

  private async issue(user: User, session: Session, secret: string): Promise<IssuedSession> {
    const claims: AccessClaims = { sub: user.id, sid: session.id };
    const accessToken = await this.jwt.signAsync(claims, { expiresIn: this.config.ACCESS_TOKEN_TTL_SEC });
    const { disabled: _, ...publicUser } = toPublicUser(user);
    return {
      accessToken,
      expiresIn: this.config.ACCESS_TOKEN_TTL_SEC,
      user: publicUser,
      refreshToken: `${session.id}.${secret}`,
      refreshExpiresAt: session.expiresAt,
    };
  }
}

function safeEqualHex(a: string, b: string): boolean {
  const x = Buffer.from(a, 'hex');
  const y = Buffer.from(b, 'hex');
  return x.length === y.length && timingSafeEqual(x, y);
}
