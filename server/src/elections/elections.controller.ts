import {
  Body,
  Controller,
  Get,
  Header,
  HttpCode,
  Param,
  ParseUUIDPipe,
  Post,
  Put,
  Query,
  StreamableFile,
} from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { ApiBearerAuth, ApiTags } from '@nestjs/swagger';
import { DataSource } from 'typeorm';
import type { AuthUser } from '../common/auth-user';
import { CurrentUser, Public, Roles } from '../common/decorators';
import { ELECTION_PUBLIC_ROLES, ELECTION_READ_ROLES, ELECTION_WRITE_ROLES } from './audience';
import { CandidaturesService } from './candidatures.service';
import {
  AppealDto,
  CreateCandidatureDto,
  CreateScrutinDto,
  CsvImportDto,
  ExportQueryDto,
  ReceiptQueryDto,
  RefuseCandidatureDto,
  ResultCallbackDto,
  ResultEntryDto,
  ResultErrorDto,
  ScrutinStatusDto,
  TurnoutEntryDto,
  TurnoutQueryDto,
} from './elections.dto';
import { ElectionsTransferService } from './elections-transfer.service';
import { renderPublicResults } from './public-results';
import { ResultsService } from './results.service';
import { ScrutinsService } from './scrutins.service';
import { TurnoutService } from './turnout.service';

const Id = () => Param('id', ParseUUIDPipe);

function attachment(content: Buffer, filename: string, type: string): StreamableFile {
  return new StreamableFile(content, {
    type,
    disposition: `attachment; filename="${filename}"`,
    length: content.length,
  });
}

/** Scrutins, bureaux, candidatures, participation and results night (CONTRACT.md « Elections »). */
@ApiTags('elections')
@ApiBearerAuth()
@Controller('elections/scrutins')
export class ElectionsController {
  constructor(
    @InjectDataSource() private readonly db: DataSource,
    private readonly scrutins: ScrutinsService,
    private readonly candidatures: CandidaturesService,
    private readonly results: ResultsService,
    private readonly turnout: TurnoutService,
    private readonly transfer: ElectionsTransferService,
  ) {}

  @Post()
  @Roles(...ELECTION_WRITE_ROLES)
  create(@Body() body: CreateScrutinDto, @CurrentUser() user: AuthUser) {
    return this.scrutins.create(body, user);
  }

  @Get()
  @Roles(...ELECTION_READ_ROLES)
  list() {
    return this.scrutins.list(this.db.manager);
  }

  /** The scrutin with its bureaux, candidatures, deposit deadline and nuance grid. */
  @Get(':id')
  @Roles(...ELECTION_READ_ROLES)
  get(@Id() id: string) {
    return this.transfer.detail(id);
  }

  @Post(':id/status')
  @HttpCode(200)
  @Roles(...ELECTION_WRITE_ROLES)
  setStatus(@Id() id: string, @Body() body: ScrutinStatusDto) {
    return this.scrutins.setStatus(id, body.status);
  }

  /** `{csv, onlyValid?}`: all-or-nothing with a report (line, column, problem). */
  @Post(':id/bureaux/import')
  @HttpCode(200)
  @Roles(...ELECTION_WRITE_ROLES)
  importBureaux(@Id() id: string, @Body() body: CsvImportDto) {
    return this.scrutins.importBureaux(id, body);
  }

  @Get(':id/bureaux/export')
  @Roles(...ELECTION_READ_ROLES)
  async exportBureaux(@Id() id: string) {
    return attachment(
      await this.scrutins.exportBureaux(this.db.manager, id),
      'bureaux.csv',
      'text/csv; charset=utf-8',
    );
  }

  @Post(':id/candidatures')
  @Roles(...ELECTION_WRITE_ROLES)
  deposit(@Id() id: string, @Body() body: CreateCandidatureDto, @CurrentUser() user: AuthUser) {
    return this.candidatures.create(id, body, user);
  }

  @Get(':id/candidatures')
  @Roles(...ELECTION_READ_ROLES)
  listCandidatures(@Id() id: string) {
    return this.candidatures.list(this.db.manager, id);
  }

  @Post(':id/candidatures/:cid/register')
  @HttpCode(200)
  @Roles(...ELECTION_WRITE_ROLES)
  register(
    @Id() id: string,
    @Param('cid', ParseUUIDPipe) cid: string,
    @CurrentUser() user: AuthUser,
  ) {
    return this.candidatures.register(id, cid, user);
  }

  @Post(':id/candidatures/:cid/refuse')
  @HttpCode(200)
  @Roles(...ELECTION_WRITE_ROLES)
  refuse(
    @Id() id: string,
    @Param('cid', ParseUUIDPipe) cid: string,
    @Body() body: RefuseCandidatureDto,
    @CurrentUser() user: AuthUser,
  ) {
    return this.candidatures.refuse(id, cid, body.motive, user);
  }

  @Post(':id/candidatures/:cid/appeal')
  @HttpCode(200)
  @Roles(...ELECTION_WRITE_ROLES)
  appeal(
    @Id() id: string,
    @Param('cid', ParseUUIDPipe) cid: string,
    @Body() body: AppealDto,
    @CurrentUser() user: AuthUser,
  ) {
    return this.candidatures.appeal(id, cid, body, user);
  }

  @Post(':id/candidatures/:cid/withdraw')
  @HttpCode(200)
  @Roles(...ELECTION_WRITE_ROLES)
  withdraw(
    @Id() id: string,
    @Param('cid', ParseUUIDPipe) cid: string,
    @CurrentUser() user: AuthUser,
  ) {
    return this.candidatures.withdraw(id, cid, user);
  }

  /** `?kind=provisoire|definitif`: the numbered receipt as a PDF. */
  @Get(':id/candidatures/:cid/receipt')
  @Roles(...ELECTION_READ_ROLES)
  async receipt(
    @Id() id: string,
    @Param('cid', ParseUUIDPipe) cid: string,
    @Query() query: ReceiptQueryDto,
  ) {
    const file = await this.candidatures.receipt(this.db.manager, id, cid, query.kind);
    return attachment(file.content, file.filename, 'application/pdf');
  }

  /** Results of one bureau: 200, or 400 naming every failed check with the bureau and numbers. */
  @Put(':id/bureaux/:bureauId/results')
  @Roles(...ELECTION_WRITE_ROLES)
  enter(
    @Id() id: string,
    @Param('bureauId', ParseUUIDPipe) bureauId: string,
    @Body() body: ResultEntryDto,
    @CurrentUser() user: AuthUser,
  ) {
    return this.results.enter(id, bureauId, body, user);
  }

  @Post(':id/bureaux/:bureauId/results/callback')
  @HttpCode(200)
  @Roles(...ELECTION_WRITE_ROLES)
  callback(
    @Id() id: string,
    @Param('bureauId', ParseUUIDPipe) bureauId: string,
    @Body() body: ResultCallbackDto,
    @CurrentUser() user: AuthUser,
  ) {
    return this.results.callback(id, bureauId, body.note, user);
  }

  @Post(':id/bureaux/:bureauId/results/error')
  @HttpCode(200)
  @Roles(...ELECTION_WRITE_ROLES)
  markError(
    @Id() id: string,
    @Param('bureauId', ParseUUIDPipe) bureauId: string,
    @Body() body: ResultErrorDto,
    @CurrentUser() user: AuthUser,
  ) {
    return this.results.markError(id, bureauId, body.note, user);
  }

  @Post(':id/bureaux/:bureauId/results/validate')
  @HttpCode(200)
  @Roles(...ELECTION_WRITE_ROLES)
  validate(
    @Id() id: string,
    @Param('bureauId', ParseUUIDPipe) bureauId: string,
    @CurrentUser() user: AuthUser,
  ) {
    return this.results.validate(id, bureauId, user);
  }

  @Get(':id/results')
  @Roles(...ELECTION_READ_ROLES)
  listResults(@Id() id: string) {
    return this.results.results(this.db.manager, id);
  }

  /** Live totals inside the Cabinet, with the outbox head they were read at (`seq`). */
  @Get(':id/totals')
  @Roles(...ELECTION_READ_ROLES)
  totals(@Id() id: string) {
    return this.results.totals(id);
  }

  /** Totals for outside the Cabinet (press, public page): 409 before the publication gate. */
  @Get(':id/published')
  @Roles(...ELECTION_PUBLIC_ROLES)
  published(@Id() id: string) {
    return this.results.publicTotals(id);
  }

  @Put(':id/bureaux/:bureauId/turnout')
  @Roles(...ELECTION_WRITE_ROLES)
  enterTurnout(
    @Id() id: string,
    @Param('bureauId', ParseUUIDPipe) bureauId: string,
    @Body() body: TurnoutEntryDto,
    @CurrentUser() user: AuthUser,
  ) {
    return this.turnout.enter(id, bureauId, body, user);
  }

  /** `?level=bureau|commune|circonscription|arrondissement|departement`. */
  @Get(':id/turnout')
  @Roles(...ELECTION_READ_ROLES)
  turnoutReport(@Id() id: string, @Query() query: TurnoutQueryDto) {
    return this.turnout.report(this.db.manager, id, query.level);
  }

  /**
   * Ministry open-data CSV of the centralised results (`?format=bureaux` 2024 shape, or
   * `communes` municipales 2026 shape): 409 before the publication gate.
   */
  @Get(':id/export')
  @Roles(...ELECTION_READ_ROLES)
  async exportResults(@Id() id: string, @Query() query: ExportQueryDto) {
    const file = await this.transfer.exportResults(id, query.format);
    return attachment(file.content, file.filename, 'text/csv; charset=utf-8');
  }

  /** `{csv}` in the ministry shape: all-or-nothing, report (line, bureau, problem). */
  @Post(':id/import')
  @HttpCode(200)
  @Roles(...ELECTION_WRITE_ROLES)
  importResults(@Id() id: string, @Body() body: CsvImportDto, @CurrentUser() user: AuthUser) {
    return this.transfer.importResults(id, body, user);
  }
}

/**
 * The only unauthenticated election routes: the results of a scrutin, once its publication gate
 * has passed (409 before: nothing leaves the Cabinet before the legal closing time).
 */
@ApiTags('elections')
@Controller('public/elections')
export class PublicElectionsController {
  constructor(private readonly results: ResultsService) {}

  @Public()
  @Get(':id/results')
  async publicResults(@Id() id: string) {
    return this.results.publicResults(id);
  }

  @Public()
  @Get(':id/results.html')
  @Header('Content-Type', 'text/html; charset=utf-8')
  async publicResultsPage(@Id() id: string) {
    return renderPublicResults(await this.results.publicResults(id));
  }
}
