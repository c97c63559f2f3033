import { Body, Controller, Get, Headers, HttpCode, Param, ParseUUIDPipe, Post, Query, Res } from '@nestjs/common';
import { ApiBearerAuth, ApiHeader, ApiTags } from '@nestjs/swagger';
import type { Response } from 'express';
import type { AuthUser } from '../common/auth-user';
import { CurrentUser, Roles } from '../common/decorators';
import { AcknowledgementsService } from './acknowledgements.service';
import { PAGE_READ_ROLES, PAGE_WRITE_ROLES } from './page-views';
import { CreatePageDto, ListPagesQueryDto, PageAckDto } from './paging.dto';
import { PagesService } from './pages.service';

@ApiTags('paging')
@ApiBearerAuth()
@Controller('pages')
export class PagesController {
  constructor(
    private readonly pages: PagesService,
    private readonly acks: AcknowledgementsService,
  ) {}

  /** 202 `{id}`: recorded, being sent. A retry with the same `Idempotency-Key` returns the same page. */
  @Post()
  @HttpCode(202)
  @Roles(...PAGE_WRITE_ROLES)
  @ApiHeader({ name: 'Idempotency-Key', required: false, description: 'same key + same body → the same page' })
  async create(
    @Body() body: CreatePageDto,
    @CurrentUser() user: AuthUser,
    @Headers('idempotency-key') key: string | undefined,
    @Res({ passthrough: true }) res: Response,
  ) {
    const { id, replayed } = await this.pages.create(body, user, key);
    if (replayed) res.setHeader('Idempotent-Replayed', 'true');
    return { id };
  }

  /** `{data, seq}`: the latest pages with their counters. */
  @Get()
  @Roles(...PAGE_READ_ROLES)
  list(@Query() query: ListPagesQueryDto) {
    return this.pages.list(query);
  }

  /** Every target, its deliveries and acknowledgement. */
  @Get(':id')
  @Roles(...PAGE_READ_ROLES)
  get(@Param('id', ParseUUIDPipe) id: string) {
    return this.pages.get(id);
  }

  /** The caller's own target(s); or `{targetId}` for the SIDPC / director acknowledging on someone's behalf. */
  @Post(':id/ack')
  @HttpCode(200)
  acknowledge(@Param('id', ParseUUIDPipe) id: string, @Body() body: PageAckDto, @CurrentUser() user: AuthUser) {
    return this.acks.acknowledge(id, body, user);
  }

  /** A new round to every target who has not acknowledged. */
  @Post(':id/repage')
  @HttpCode(202)
  @Roles(...PAGE_WRITE_ROLES)
  repage(@Param('id', ParseUUIDPipe) id: string, @CurrentUser() user: AuthUser) {
    return this.pages.repage(id, user);
  }
}
