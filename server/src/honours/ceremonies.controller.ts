import { Body, Controller, Get, HttpCode, Param, ParseUUIDPipe, Post, Query } from '@nestjs/common';
import { ApiBearerAuth, ApiTags } from '@nestjs/swagger';
import type { AuthUser } from '../common/auth-user';
import { CurrentUser, Roles } from '../common/decorators';
import { CeremoniesService } from './ceremonies.service';
import { HONOURS_READ_ROLES, HONOURS_WRITE_ROLES } from './dossier-transitions';
import { attachment } from './honours.controller';
import { CreateCeremonyDto, PersonExportQueryDto } from './honours.dto';
import { HonoursRetentionService } from './retention.service';

/** Ceremonies and réceptions; RGPD export of one person's data. */
@ApiTags('honours')
@ApiBearerAuth()
@Controller('honours')
export class CeremoniesController {
  constructor(
    private readonly ceremonies: CeremoniesService,
    private readonly retention: HonoursRetentionService,
  ) {}

  @Get('ceremonies')
  @Roles(...HONOURS_READ_ROLES)
  list() {
    return this.ceremonies.list();
  }

  /** A ceremony (or a réception for LH/ONM) with recipients whose arrêté is signed. */
  @Post('ceremonies')
  @Roles(...HONOURS_WRITE_ROLES)
  create(@Body() body: CreateCeremonyDto) {
    return this.ceremonies.create(body);
  }

  @Get('ceremonies/:id')
  @Roles(...HONOURS_READ_ROLES)
  get(@Param('id', ParseUUIDPipe) id: string) {
    return this.ceremonies.get(id);
  }

  @Post('ceremonies/:id/invitations')
  @HttpCode(200)
  @Roles(...HONOURS_WRITE_ROLES)
  sendInvitations(@Param('id', ParseUUIDPipe) id: string) {
    return this.ceremonies.sendInvitations(id);
  }

  /** The ceremony took place: notified recipients become « remis ». */
  @Post('ceremonies/:id/held')
  @HttpCode(200)
  @Roles(...HONOURS_WRITE_ROLES)
  held(@Param('id', ParseUUIDPipe) id: string, @CurrentUser() user: AuthUser) {
    return this.ceremonies.held(id, user);
  }

  @Get('ceremonies/:id/invitations.pdf')
  @Roles(...HONOURS_READ_ROLES)
  async invitations(@Param('id', ParseUUIDPipe) id: string) {
    return attachment(await this.ceremonies.document(id, 'invitations'));
  }

  /** Procès-verbal de réception (LH/ONM), to send to the Grande Chancellerie. */
  @Get('ceremonies/:id/proces-verbal.pdf')
  @Roles(...HONOURS_READ_ROLES)
  async processVerbal(@Param('id', ParseUUIDPipe) id: string) {
    return attachment(await this.ceremonies.document(id, 'pv'));
  }

  /** Everything held about one person (RGPD right of access): staff and admin only. */
  @Get('persons/export')
  @Roles(...HONOURS_WRITE_ROLES)
  exportPerson(@Query() query: PersonExportQueryDto, @CurrentUser() user: AuthUser) {
    return this.retention.exportPerson(query, user);
  }
}
