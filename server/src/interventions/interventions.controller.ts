import {
  Body,
  Controller,
  Get,
  HttpCode,
  Param,
  ParseUUIDPipe,
  Patch,
  Post,
  Query,
  StreamableFile,
} from '@nestjs/common';
import { ApiBearerAuth, ApiTags } from '@nestjs/swagger';
import type { AuthUser } from '../common/auth-user';
import { CurrentUser, Roles } from '../common/decorators';
import { InterventionReportsService, type FileDownload } from './intervention-reports.service';
import { InterventionRulesService } from './intervention-rules.service';
import { InterventionScheduler } from './intervention-scheduler';
import {
  INTERVENTION_READ_ALL_ROLES,
  INTERVENTION_ROUTE_ROLES,
  INTERVENTION_WRITE_ROLES,
} from './intervention-workflow';
import {
  CreateInterventionDto,
  CreateLetterDto,
  InterventionTransitionDto,
  ListInterventionsQueryDto,
  UpdateInterventionDto,
  OfficialSearchQueryDto,
  WeeklyQueryDto,
} from './interventions.dto';
import { InterventionsService } from './interventions.service';

function attachment(file: FileDownload): StreamableFile {
  return new StreamableFile(file.content, {
    type: file.contentType,
    disposition: `attachment; filename="${file.filename}"`,
    length: file.content.length,
  });
}

/**
 * Interventions des élus. The Cabinet (cabinet_staff, admin) edits, the director reads
 * everything, a liaison officer reads and answers the ones routed to their service only.
 */
@ApiTags('interventions')
@ApiBearerAuth()
@Controller('interventions')
export class InterventionsController {
  constructor(
    private readonly interventions: InterventionsService,
    private readonly reports: InterventionReportsService,
    private readonly rules: InterventionRulesService,
    private readonly scheduler: InterventionScheduler,
  ) {}

  /** `{data, seq}`: what the caller may see (a service: what is routed to it). */
  @Get()
  @Roles(...INTERVENTION_ROUTE_ROLES)
  list(@Query() query: ListInterventionsQueryDto, @CurrentUser() user: AuthUser) {
    return this.interventions.list(query, user);
  }

  @Post()
  @Roles(...INTERVENTION_WRITE_ROLES)
  create(@Body() body: CreateInterventionDto, @CurrentUser() user: AuthUser) {
    return this.interventions.create(body, user);
  }

  /** Open and overdue by service and by official, average answer time, volume by theme. */
  @Get('stats')
  @Roles(...INTERVENTION_READ_ALL_ROLES)
  stats(@CurrentUser() user: AuthUser) {
    return this.reports.stats(user);
  }

  /** The versioned delays (default due date, reminders) and retention period. */
  @Get('rules')
  @Roles(...INTERVENTION_READ_ALL_ROLES)
  listRules() {
    return this.rules.list();
  }

  @Get('officials')
  @Roles(...INTERVENTION_READ_ALL_ROLES)
  officials(@CurrentUser() user: AuthUser) {
    return this.reports.officials(user);
  }

  /** Elected officials of the directory, to pick the author of a new intervention. */
  @Get('officials/search')
  @Roles(...INTERVENTION_READ_ALL_ROLES)
  searchOfficials(@Query() query: OfficialSearchQueryDto) {
    return this.reports.searchOfficials(query.q);
  }

  /** « Fiche élu »: an official's interventions and figures. */
  @Get('officials/:contactId')
  @Roles(...INTERVENTION_READ_ALL_ROLES)
  officialSheet(
    @Param('contactId', ParseUUIDPipe) contactId: string,
    @CurrentUser() user: AuthUser,
  ) {
    return this.reports.officialSheet(contactId, user);
  }

  /** Weekly list for the prefect's meeting (`?week=` any day of the week; default: this week). */
  @Get('weekly.pdf')
  @Roles(...INTERVENTION_READ_ALL_ROLES)
  async weeklyPdf(@Query() query: WeeklyQueryDto, @CurrentUser() user: AuthUser) {
    return attachment(await this.reports.weeklyFile(query.week, 'pdf', user));
  }

  @Get('weekly.csv')
  @Roles(...INTERVENTION_READ_ALL_ROLES)
  async weeklyCsv(@Query() query: WeeklyQueryDto, @CurrentUser() user: AuthUser) {
    return attachment(await this.reports.weeklyFile(query.week, 'csv', user));
  }

  /** Runs the retention purge now (it also runs daily): `{purged}`. */
  @Post('purge')
  @HttpCode(200)
  @Roles('admin')
  async purge() {
    return { purged: await this.scheduler.purge() };
  }

  @Get(':id')
  @Roles(...INTERVENTION_ROUTE_ROLES)
  get(@Param('id', ParseUUIDPipe) id: string, @CurrentUser() user: AuthUser) {
    return this.interventions.get(id, user);
  }

  /** Edits the register fields; `version` must be the one read (409 otherwise). */
  @Patch(':id')
  @Roles(...INTERVENTION_WRITE_ROLES)
  update(
    @Param('id', ParseUUIDPipe) id: string,
    @Body() body: UpdateInterventionDto,
    @CurrentUser() user: AuthUser,
  ) {
    return this.interventions.update(id, body, user);
  }

  /** `{to, note?, serviceId?, dueDate?, outcome?}`: the service's liaison officer sends its elements. */
  @Post(':id/transitions')
  @HttpCode(200)
  @Roles(...INTERVENTION_ROUTE_ROLES)
  transition(
    @Param('id', ParseUUIDPipe) id: string,
    @Body() body: InterventionTransitionDto,
    @CurrentUser() user: AuthUser,
  ) {
    return this.interventions.transition(id, body, user);
  }

  /** Produces a letter from its template (stamps the AR / holding reply date). */
  @Post(':id/letters')
  @Roles(...INTERVENTION_WRITE_ROLES)
  createLetter(
    @Param('id', ParseUUIDPipe) id: string,
    @Body() body: CreateLetterDto,
    @CurrentUser() user: AuthUser,
  ) {
    return this.reports.createLetter(id, body, user);
  }

  @Get(':id/letters/:letterId/pdf')
  @Roles(...INTERVENTION_READ_ALL_ROLES)
  async letterPdf(
    @Param('id', ParseUUIDPipe) id: string,
    @Param('letterId', ParseUUIDPipe) letterId: string,
    @CurrentUser() user: AuthUser,
  ) {
    return attachment(await this.reports.letterPdf(id, letterId, user));
  }
}
