import {
  Body,
  Controller,
  Get,
  HttpCode,
  Param,
  ParseUUIDPipe,
  Patch,
  Post,
  Put,
  Query,
  StreamableFile,
} from '@nestjs/common';
import { ApiBearerAuth, ApiTags } from '@nestjs/swagger';
import type { AuthUser } from '../common/auth-user';
import { CurrentUser, Roles } from '../common/decorators';
import { HONOURS_READ_ROLES, HONOURS_WRITE_ROLES } from './dossier-transitions';
import { DossiersImportService } from './dossiers-import.service';
import { DossiersService } from './dossiers.service';
import {
  BulkTransitionDto,
  CreateDossierDto,
  CreatePromotionDto,
  DossierTransitionDto,
  EligibilityDto,
  ImportBodyDto,
  ImportQueryDto,
  ListDossiersQueryDto,
  ListPromotionsQueryDto,
  UpdateDossierDto,
  UpdatePromotionDto,
} from './honours.dto';
import { type HonoursFile, PromotionsService } from './promotions.service';
import { HonoursRulesService } from './rules.service';

export function attachment(file: HonoursFile): StreamableFile {
  return new StreamableFile(file.content, {
    type: file.contentType,
    disposition: `attachment; filename="${file.filename}"`,
    length: file.content.length,
  });
}

/**
 * Honours and medals: rule tables, eligibility, dossiers and promotions. Personal data: the
 * Cabinet's staff edits, the director reads, admin does both; nobody else.
 */
@ApiTags('honours')
@ApiBearerAuth()
@Controller('honours')
export class HonoursController {
  constructor(
    private readonly rules: HonoursRulesService,
    private readonly dossiers: DossiersService,
    private readonly promotions: PromotionsService,
    private readonly imports: DossiersImportService,
  ) {}

  /** The calculator on the rules in force at the promotion date, with its explanation. */
  @Post('eligibility')
  @HttpCode(200)
  @Roles(...HONOURS_READ_ROLES)
  eligibility(@Body() body: EligibilityDto) {
    return this.rules.eligibility(body);
  }

  /** Every version of every distinction's rules, with the values still to confirm. */
  @Get('rules')
  @Roles(...HONOURS_READ_ROLES)
  listRules() {
    return this.rules.list();
  }

  @Get('dossiers')
  @Roles(...HONOURS_READ_ROLES)
  listDossiers(@Query() query: ListDossiersQueryDto) {
    return this.dossiers.list(query);
  }

  /** 201 with the eligibility; 409 for a duplicate (same person, distinction and échelon, pending or awarded). */
  @Post('dossiers')
  @Roles(...HONOURS_WRITE_ROLES)
  createDossier(@Body() body: CreateDossierDto, @CurrentUser() user: AuthUser) {
    return this.dossiers.create(body, user);
  }

  /**
   * `{csv, mapping?, distinction?}` from a form service's export, `?mode=all` (default: any bad
   * row → 400 naming every line and column, nothing written) or `?mode=valid` (the valid rows
   * are imported, the others reported).
   */
  @Post('dossiers/import')
  @HttpCode(200)
  @Roles(...HONOURS_WRITE_ROLES)
  importDossiers(
    @Body() body: ImportBodyDto,
    @Query() query: ImportQueryDto,
    @CurrentUser() user: AuthUser,
  ) {
    return this.imports.import({ ...body, mode: query.mode }, user);
  }

  /** `{ids, to, note?}`: all or nothing. */
  @Post('dossiers/transitions')
  @HttpCode(200)
  @Roles(...HONOURS_WRITE_ROLES)
  bulkTransition(@Body() body: BulkTransitionDto, @CurrentUser() user: AuthUser) {
    return this.dossiers.bulkTransition(body.ids, body.to, body.note ?? null, user);
  }

  @Get('dossiers/:id')
  @Roles(...HONOURS_READ_ROLES)
  getDossier(@Param('id', ParseUUIDPipe) id: string, @CurrentUser() user: AuthUser) {
    return this.dossiers.get(id, user);
  }

  /** The whole dossier with the `version` read last (stale → 409); eligibility recomputed. */
  @Put('dossiers/:id')
  @Roles(...HONOURS_WRITE_ROLES)
  updateDossier(
    @Param('id', ParseUUIDPipe) id: string,
    @Body() body: UpdateDossierDto,
    @CurrentUser() user: AuthUser,
  ) {
    return this.dossiers.update(id, body, user);
  }

  @Post('dossiers/:id/transitions')
  @HttpCode(200)
  @Roles(...HONOURS_WRITE_ROLES)
  transition(
    @Param('id', ParseUUIDPipe) id: string,
    @Body() body: DossierTransitionDto,
    @CurrentUser() user: AuthUser,
  ) {
    return this.dossiers.transition(id, body, user);
  }

  @Get('promotions')
  @Roles(...HONOURS_READ_ROLES)
  listPromotions(@Query() query: ListPromotionsQueryDto) {
    return this.promotions.list(query.distinction);
  }

  @Post('promotions')
  @Roles(...HONOURS_WRITE_ROLES)
  createPromotion(@Body() body: CreatePromotionDto) {
    return this.promotions.create(body);
  }

  @Get('promotions/:id')
  @Roles(...HONOURS_READ_ROLES)
  getPromotion(@Param('id', ParseUUIDPipe) id: string) {
    return this.promotions.get(id);
  }

  @Patch('promotions/:id')
  @Roles(...HONOURS_WRITE_ROLES)
  updatePromotion(@Param('id', ParseUUIDPipe) id: string, @Body() body: UpdatePromotionDto) {
    return this.promotions.update(id, body);
  }

  /** Signs the arrêté: numbered, retained dossiers → « arrêté »; 409 when a contingent is exceeded. */
  @Post('promotions/:id/arrete')
  @HttpCode(200)
  @Roles(...HONOURS_WRITE_ROLES)
  arrete(@Param('id', ParseUUIDPipe) id: string, @CurrentUser() user: AuthUser) {
    return this.promotions.arrete(id, user);
  }

  @Post('promotions/:id/publish')
  @HttpCode(200)
  @Roles(...HONOURS_WRITE_ROLES)
  publish(@Param('id', ParseUUIDPipe) id: string, @CurrentUser() user: AuthUser) {
    return this.promotions.publish(id, user);
  }

  @Get('promotions/:id/arrete.pdf')
  @Roles(...HONOURS_READ_ROLES)
  async arretePdf(@Param('id', ParseUUIDPipe) id: string) {
    return attachment(await this.promotions.document(id, 'pdf'));
  }

  @Get('promotions/:id/arrete.docx')
  @Roles(...HONOURS_READ_ROLES)
  async arreteDocx(@Param('id', ParseUUIDPipe) id: string) {
    return attachment(await this.promotions.document(id, 'docx'));
  }

  /** Mail merge: one diploma per recipient (PDF). */
  @Get('promotions/:id/diplomas.pdf')
  @Roles(...HONOURS_READ_ROLES)
  async diplomas(@Param('id', ParseUUIDPipe) id: string) {
    return attachment(await this.promotions.document(id, 'diplomas'));
  }

  /** Mail merge: one notification letter per recipient (PDF). */
  @Get('promotions/:id/letters.pdf')
  @Roles(...HONOURS_READ_ROLES)
  async letters(@Param('id', ParseUUIDPipe) id: string) {
    return attachment(await this.promotions.document(id, 'letters'));
  }
}
