import { Body, Controller, Get, HttpCode, Param, ParseUUIDPipe, Post, Put, Query, Res, StreamableFile } from '@nestjs/common';
import { ApiBearerAuth, ApiTags } from '@nestjs/swagger';
import type { Response } from 'express';
import type { AuthUser } from '../common/auth-user';
import { CurrentUser, Roles } from '../common/decorators';
import { CRISIS_READ_ROLES, CRISIS_WRITE_ROLES } from '../crises/audience';
import { DecisionsService } from './decisions.service';
import {
  AnswerDecisionDto,
  ComplementDecisionDto,
  CreateDecisionDto,
  DiffuseSitrepDto,
  ListDecisionsQueryDto,
  SitrepScheduleDto,
  UpdateSitrepDto,
  ValidateSitrepDto,
} from './direction.dto';
import { OverviewService } from './overview.service';
import { AUTHORITY_ROLES, DIFFUSE_ROLES, DIRECTION_READ_ROLES, DIRECTION_WRITE_ROLES } from './roles';
import { SitrepsService } from './sitreps.service';

@ApiTags('direction')
@ApiBearerAuth()
@Controller()
export class DirectionController {
  constructor(
    private readonly overviewService: OverviewService,
    private readonly decisions: DecisionsService,
    private readonly sitreps: SitrepsService,
  ) {}

  /** The direction view in one request. */
  @Get('direction/overview')
  @Roles(...DIRECTION_READ_ROLES)
  overview() {
    return this.overviewService.overview();
  }

  /** An operator asks the authority for a decision. */
  @Post('decisions')
  @Roles(...DIRECTION_WRITE_ROLES)
  createDecision(@Body() body: CreateDecisionDto, @CurrentUser() user: AuthUser) {
    return this.decisions.create(body, user);
  }

  @Get('decisions')
  @Roles(...DIRECTION_READ_ROLES)
  listDecisions(@Query() query: ListDecisionsQueryDto) {
    return this.decisions.list(query);
  }

  @Get('decisions/:id')
  @Roles(...DIRECTION_READ_ROLES)
  getDecision(@Param('id', ParseUUIDPipe) id: string) {
    return this.decisions.get(id);
  }

  /** One tap: `{answer: approve, optionIndex}` / `{answer: reject}` / `{answer: more_info, note}`. */
  @Post('decisions/:id/answer')
  @HttpCode(200)
  @Roles(...AUTHORITY_ROLES)
  answer(@Param('id', ParseUUIDPipe) id: string, @Body() body: AnswerDecisionDto, @CurrentUser() user: AuthUser) {
    return this.decisions.answer(id, body, user);
  }

  @Post('decisions/:id/complement')
  @HttpCode(200)
  @Roles(...DIRECTION_WRITE_ROLES)
  complement(@Param('id', ParseUUIDPipe) id: string, @Body() body: ComplementDecisionDto, @CurrentUser() user: AuthUser) {
    return this.decisions.complement(id, body.note, user);
  }

  /** Generates the next point de situation (draft) of the crisis from its main courante. */
  @Post('crises/:id/sitreps')
  @Roles(...CRISIS_WRITE_ROLES)
  generate(@Param('id', ParseUUIDPipe) id: string, @CurrentUser() user: AuthUser) {
    return this.sitreps.generate(id, user);
  }

  @Get('crises/:id/sitreps')
  @Roles(...CRISIS_READ_ROLES)
  listSitreps(@Param('id', ParseUUIDPipe) id: string) {
    return this.sitreps.list(id);
  }

  @Get('crises/:id/sitrep-schedule')
  @Roles(...CRISIS_READ_ROLES)
  schedule(@Param('id', ParseUUIDPipe) id: string) {
    return this.sitreps.schedule(id);
  }

  /** Next point due at (and the interval after it). */
  @Put('crises/:id/sitrep-schedule')
  @Roles(...CRISIS_WRITE_ROLES)
  setSchedule(@Param('id', ParseUUIDPipe) id: string, @Body() body: SitrepScheduleDto, @CurrentUser() user: AuthUser) {
    return this.sitreps.setSchedule(id, body, user);
  }

  /** The point with its diff against the previous one. */
  @Get('sitreps/:id')
  @Roles(...CRISIS_READ_ROLES)
  getSitrep(@Param('id', ParseUUIDPipe) id: string) {
    return this.sitreps.get(id);
  }

  @Put('sitreps/:id')
  @Roles(...CRISIS_WRITE_ROLES)
  updateSitrep(@Param('id', ParseUUIDPipe) id: string, @Body() body: UpdateSitrepDto, @CurrentUser() user: AuthUser) {
    return this.sitreps.update(id, body, user);
  }

  @Post('sitreps/:id/validate')
  @HttpCode(200)
  @Roles(...AUTHORITY_ROLES)
  validate(@Param('id', ParseUUIDPipe) id: string, @Body() body: ValidateSitrepDto, @CurrentUser() user: AuthUser) {
    return this.sitreps.validate(id, body.version, user);
  }

  @Get('sitreps/:id/pdf')
  @Roles(...CRISIS_READ_ROLES)
  async pdf(@Param('id', ParseUUIDPipe) id: string, @Res({ passthrough: true }) res: Response) {
    const file = await this.sitreps.pdf(id);
    res.setHeader('Cache-Control', 'no-store');
    return new StreamableFile(file.content, {
      type: 'application/pdf',
      disposition: `attachment; filename="${file.filename}"`,
      length: file.content.length,
    });
  }

  /** E-mails the validated point (PDF attached) to the members of the diffusion lists. */
  @Post('sitreps/:id/diffuse')
  @HttpCode(200)
  @Roles(...DIFFUSE_ROLES)
  diffuse(@Param('id', ParseUUIDPipe) id: string, @Body() body: DiffuseSitrepDto, @CurrentUser() user: AuthUser) {
    return this.sitreps.diffuse(id, body, user);
  }
}
