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
} from '@nestjs/common';
import { ApiBearerAuth, ApiTags } from '@nestjs/swagger';
import type { AuthUser } from '../common/auth-user';
import { CurrentUser, Roles } from '../common/decorators';
import {
  AssignSectorDto,
  CisDto,
  FrameworkDocumentDto,
  SectorImportDto,
  StatsImportDto,
  UpdateCisDto,
} from './fire-rescue.dto';
import {
  FIRE_RESCUE_READ_ROLES,
  FIRE_RESCUE_WRITE_ROLES,
  FireRescueService,
} from './fire-rescue.service';

/** SDIS oversight: the Cabinet edits, the director reads. */
@ApiTags('fire-rescue')
@ApiBearerAuth()
@Controller('fire-rescue')
export class FireRescueController {
  constructor(private readonly fireRescue: FireRescueService) {}

  @Get('cis')
  @Roles(...FIRE_RESCUE_READ_ROLES)
  listCis() {
    return this.fireRescue.listCis();
  }

  @Post('cis')
  @Roles(...FIRE_RESCUE_WRITE_ROLES)
  createCis(@Body() body: CisDto) {
    return this.fireRescue.createCis(body);
  }

  @Get('cis/:id')
  @Roles(...FIRE_RESCUE_READ_ROLES)
  getCis(@Param('id', ParseUUIDPipe) id: string) {
    return this.fireRescue.getCis(id);
  }

  @Patch('cis/:id')
  @Roles(...FIRE_RESCUE_WRITE_ROLES)
  updateCis(@Param('id', ParseUUIDPipe) id: string, @Body() body: UpdateCisDto) {
    return this.fireRescue.updateCis(id, body);
  }

  /** Moves communes into this CIS's first-call sector (out of their former sector). */
  @Post('cis/:id/sector')
  @HttpCode(200)
  @Roles(...FIRE_RESCUE_WRITE_ROLES)
  assignSector(@Param('id', ParseUUIDPipe) id: string, @Body() body: AssignSectorDto) {
    return this.fireRescue.assignSector(id, body.communeInsees);
  }

  /** Every commune in exactly one first-call sector? Lists the communes in none. */
  @Get('sectors/coverage')
  @Roles(...FIRE_RESCUE_READ_ROLES)
  coverage() {
    return this.fireRescue.coverage();
  }

  /** `{csv, requireComplete?}`: `commune;cis` replaces the sectoring, all or nothing. */
  @Put('sectors')
  @Roles(...FIRE_RESCUE_WRITE_ROLES)
  importSectors(@Body() body: SectorImportDto) {
    return this.fireRescue.importSectors(body.csv, body.requireComplete);
  }

  @Get('documents')
  @Roles(...FIRE_RESCUE_READ_ROLES)
  listDocuments() {
    return this.fireRescue.listDocuments();
  }

  @Post('documents')
  @Roles(...FIRE_RESCUE_WRITE_ROLES)
  createDocument(@Body() body: FrameworkDocumentDto, @CurrentUser() user: AuthUser) {
    return this.fireRescue.createDocument(body, user);
  }

  /** Revision periods and alert windows by kind of document (versioned, to confirm). */
  @Get('rules')
  @Roles(...FIRE_RESCUE_READ_ROLES)
  rules() {
    return this.fireRescue.rules();
  }

  @Get('stats')
  @Roles(...FIRE_RESCUE_READ_ROLES)
  stats() {
    return this.fireRescue.stats();
  }

  /** `{csv}`: `annee;nature;nombre`, all or nothing; 400 lists every bad row and column. */
  @Put('stats')
  @Roles(...FIRE_RESCUE_WRITE_ROLES)
  importStats(@Body() body: StatsImportDto) {
    return this.fireRescue.importStats(body.csv);
  }
}
