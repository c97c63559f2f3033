import { Controller, Headers, HttpCode, Inject, Injectable, NestMiddleware, Post, Res } from '@nestjs/common';
import { ApiBearerAuth, ApiTags } from '@nestjs/swagger';
import { createBullBoard } from '@bull-board/api';
import { BullMQAdapter } from '@bull-board/api/bullMQAdapter';
import { ExpressAdapter } from '@bull-board/express';
import type { NextFunction, Request, Response } from 'express';
import { AuthService } from '../auth/auth.service';
import { Roles } from '../common/decorators';
import { APP_CONFIG, type AppConfig } from '../config/config';
import { QUEUES } from '../queue/jobs';
import { QueueService } from '../queue/queue.service';

export const BOARD_PATH = '/api/admin/queues';
export const BOARD_COOKIE = 'vigie_board';

type Handler = (req: Request, res: Response, next: NextFunction) => void;

/**
 * Bull Board (queues, jobs, retries) at /api/admin/queues, admins only. It is an Express app,
 * outside Nest's guard: this middleware authenticates every request itself, with the bearer
 * token, or — for a browser tab, which sends no bearer header — the `vigie_board` cookie that
 * `POST /api/admin/board-session` sets from the console (httpOnly, SameSite=Strict, scoped to
 * the board's path, valid as long as the access token it holds).
 */
@Injectable()
export class QueueBoardMiddleware implements NestMiddleware {
  private board?: Handler;

  constructor(
    private readonly auth: AuthService,
    private readonly queues: QueueService,
  ) {}

  use(req: Request, res: Response, next: NextFunction): void {
    const header = req.headers.authorization;
    const cookies = (req as { cookies?: Record<string, string | undefined> }).cookies;
    const token = header?.startsWith('Bearer ') ? header.slice(7).trim() : cookies?.[BOARD_COOKIE];
    this.auth
      .authenticate(token)
      .then((user) => {
        if (!user) return void res.status(401).json({ code: 'unauthenticated', message: 'Authentication required' });
        if (!user.roles.includes('admin')) return void res.status(403).json({ code: 'forbidden', message: 'Administrators only' });
        const rest = req.originalUrl.slice(BOARD_PATH.length);
        req.url = rest.startsWith('/') ? rest : `/${rest}`;
        this.handler()(req, res, (err?: unknown) => {
          if (err) return next(err);
          res.status(404).json({ code: 'not_found', message: 'Not found' });
        });
      })
      .catch(next);
  }

  private handler(): Handler {
    if (!this.board) {
      const adapter = new ExpressAdapter();
      adapter.setBasePath(BOARD_PATH);
      createBullBoard({
        queues: QUEUES.map((q) => new BullMQAdapter(this.queues.queue(q))),
        // @bull-board/express pins its own copy of @bull-board/api (a patch version apart): same shape
        serverAdapter: adapter as unknown as Parameters<typeof createBullBoard>[0]['serverAdapter'],
        options: { uiConfig: { boardTitle: 'Vigie – files' } },
      });
      this.board = adapter.getRouter() as Handler;
    }
    return this.board;
  }
}

@ApiTags('operations')
@ApiBearerAuth()
@Controller('admin')
export class QueueBoardController {
  constructor(@Inject(APP_CONFIG) private readonly config: AppConfig) {}

  /** Sets the board cookie from the caller's bearer token so a browser tab can open /api/admin/queues. */
  @Post('board-session')
  @HttpCode(200)
  @Roles('admin')
  session(@Headers('authorization') authorization: string, @Res({ passthrough: true }) res: Response) {
    res.cookie(BOARD_COOKIE, authorization.slice(7).trim(), {
      httpOnly: true,
      sameSite: 'strict',
      secure: this.config.COOKIE_SECURE,
      path: BOARD_PATH,
      maxAge: this.config.ACCESS_TOKEN_TTL_SEC * 1000,
    });
    return { url: BOARD_PATH };
  }
}
