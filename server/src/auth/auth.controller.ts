import { Body, Controller, Get, HttpCode, Inject, Post, Req, Res } from '@nestjs/common';
import { ApiBearerAuth, ApiNoContentResponse, ApiOkResponse, ApiTags, ApiTooManyRequestsResponse, ApiUnauthorizedResponse } from '@nestjs/swagger';
import type { CookieOptions, Response } from 'express';
import { createZodDto } from 'nestjs-zod';
import type { AuthUser } from '../common/auth-user';
import { CurrentUser, Public } from '../common/decorators';
import { APP_CONFIG, type AppConfig } from '../config/config';
import { loginRequestSchema, LoginResponse, PublicUser } from '../contracts/auth';
import { toPublicUser, UsersService } from '../users/users.service';
import type { AuthenticatedRequest } from './auth.guard';
import { AuthService, IssuedSession } from './auth.service';

class LoginDto extends createZodDto(loginRequestSchema) {}

export const REFRESH_COOKIE = 'vigie_refresh';

@ApiTags('auth')
@Controller()
export class AuthController {
  constructor(
    private readonly auth: AuthService,
    private readonly users: UsersService,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
  ) {}

  @Public()
  @Post('auth/login')
  @HttpCode(200)
  @ApiOkResponse({ description: 'Access token and user; sets the httpOnly refresh cookie' })
  @ApiUnauthorizedResponse({ description: 'invalid_credentials' })
  @ApiTooManyRequestsResponse({ description: 'throttled' })
  async login(
    @Body() body: LoginDto,
    @Req() req: AuthenticatedRequest,
    @Res({ passthrough: true }) res: Response,
  ): Promise<LoginResponse> {
    return this.withCookie(res, await this.auth.login(body, req.ip ?? 'unknown'));
  }

  @Public()
  @Post('auth/refresh')
  @HttpCode(200)
  @ApiOkResponse({ description: 'New access token from the refresh cookie (rotated)' })
  @ApiNoContentResponse({ description: 'No refresh cookie: nobody is logged in on this browser' })
  @ApiUnauthorizedResponse({ description: 'The refresh cookie is invalid, expired, revoked or already used' })
  async refresh(
    @Req() req: AuthenticatedRequest,
    @Res({ passthrough: true }) res: Response,
  ): Promise<LoginResponse | undefined> {
    const cookie = (req.cookies as Record<string, string | undefined>)[REFRESH_COOKIE];
    if (!cookie) {
      res.status(204);
      return undefined;
    }
    return this.withCookie(res, await this.auth.refresh(cookie));
  }

  @Post('auth/logout')
  @HttpCode(204)
  @ApiBearerAuth()
  async logout(@Req() req: AuthenticatedRequest, @Res({ passthrough: true }) res: Response): Promise<void> {
    await this.auth.logout(req.user!.sessionId);
    res.clearCookie(REFRESH_COOKIE, this.cookieOptions());
  }

  @Get('me')
  @ApiBearerAuth()
  async me(@CurrentUser() user: AuthUser): Promise<PublicUser> {
    const { disabled: _, ...publicUser } = toPublicUser(await this.users.get(user.id));
    return publicUser;
  }

  private withCookie(res: Response, session: IssuedSession): LoginResponse {
    res.cookie(REFRESH_COOKIE, session.refreshToken, {
      ...this.cookieOptions(),
      expires: session.refreshExpiresAt,
    });
    const { accessToken, expiresIn, user } = session;
    return { accessToken, expiresIn, user };
  }

  private cookieOptions(): CookieOptions {
    return { httpOnly: true, secure: this.config.COOKIE_SECURE, sameSite: 'strict', path: '/api/auth' };
  }
}
