import { Body, Controller, Get, HttpCode, Param, ParseUUIDPipe, Post, Put, Query, StreamableFile } from '@nestjs/common';
import { ApiBearerAuth, ApiTags } from '@nestjs/swagger';
import type { AuthUser } from '../common/auth-user';
import { CurrentUser, Roles } from '../common/decorators';
import { PRESS_WRITE_ROLES } from './communique-workflow';
import { AgendaQueryDto, InformOfficialDto, VisitInputDto } from './press.dto';
import { renderVisitPdf } from './visit-pdf';
import { VisitsService } from './visits.service';

/** Visits and trips, their programme and the elected officials to inform; the shared agenda. */
@ApiTags('press')
@ApiBearerAuth()
@Controller('press')
export class VisitsController {
  constructor(private readonly visits: VisitsService) {}

  @Get('visits')
  @Roles(...PRESS_WRITE_ROLES)
  list() {
    return this.visits.list();
  }

  /** `?from=YYYY-MM-DD&to=YYYY-MM-DD` (Paris days): the visits of the corps préfectoral in the range, with conflicts. */
  @Get('agenda')
  @Roles(...PRESS_WRITE_ROLES)
  agenda(@Query() query: AgendaQueryDto) {
    return this.visits.list(query);
  }

  @Post('visits')
  @Roles(...PRESS_WRITE_ROLES)
  create(@Body() body: VisitInputDto, @CurrentUser() user: AuthUser) {
    return this.visits.create(body, user);
  }

  @Get('visits/:id')
  @Roles(...PRESS_WRITE_ROLES)
  get(@Param('id', ParseUUIDPipe) id: string) {
    return this.visits.get(id);
  }

  @Put('visits/:id')
  @Roles(...PRESS_WRITE_ROLES)
  update(@Param('id', ParseUUIDPipe) id: string, @Body() body: VisitInputDto) {
    return this.visits.update(id, body);
  }

  /** `{informed}`: ticks « informé le » for one official of the visit. */
  @Post('visits/:id/officials/:contactId')
  @HttpCode(200)
  @Roles(...PRESS_WRITE_ROLES)
  inform(
    @Param('id', ParseUUIDPipe) id: string,
    @Param('contactId', ParseUUIDPipe) contactId: string,
    @Body() body: InformOfficialDto,
    @CurrentUser() user: AuthUser,
  ) {
    return this.visits.inform(id, contactId, body.informed, user);
  }

  @Get('visits/:id/pdf')
  @Roles(...PRESS_WRITE_ROLES)
  async pdf(@Param('id', ParseUUIDPipe) id: string) {
    const content = await renderVisitPdf(await this.visits.get(id));
    return new StreamableFile(content, { type: 'application/pdf', disposition: 'attachment; filename="dossier-de-visite.pdf"', length: content.length });
  }
}
