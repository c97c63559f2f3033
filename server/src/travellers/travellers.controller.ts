import {
  Body,
  Controller,
  Delete,
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
import { parseOrThrow } from '../common/app-error';
import type { AuthUser } from '../common/auth-user';
import { CurrentUser, Roles } from '../common/decorators';
import { monthSchema, settlementActionSchema } from '../contracts/travellers';
import { parisDay } from './delays';
import { AiresService } from './aires.service';
import { BriefingService } from './briefing.service';
import { GrandPassagesService } from './grand-passages.service';
import { SettlementsService } from './settlements.service';
import { TravellersDocumentsService } from './travellers-documents.service';
import { TravellersRulesService } from './travellers-rules.service';
import {
  AireDto,
  ClosureDto,
  documentKindSchema,
  GrandPassageDto,
  OccupancyDto,
  PrescriptionDto,
  SettlementDto,
  SettlementsQueryDto,
  UpdateAireDto,
  UpdateGrandPassageDto,
  UpdateSettlementDto,
  YearQueryDto,
  DayQueryDto,
} from './travellers.dto';

/** Cabinet staff edit (admin always passes); the director reads. */
const READ = ['cabinet_staff', 'director'] as const;
const WRITE = ['cabinet_staff'] as const;

@ApiTags('travellers')
@ApiBearerAuth()
@Controller('travellers')
export class TravellersController {
  constructor(
    private readonly aires: AiresService,
    private readonly passages: GrandPassagesService,
    private readonly settlements: SettlementsService,
    private readonly documents: TravellersDocumentsService,
    private readonly rules: TravellersRulesService,
    private readonly briefings: BriefingService,
  ) {}

  /** The versioned rule table, and the values in force today. */
  @Get('rules')
  @Roles(...READ)
  async listRules() {
    return this.rules.overview();
  }

  /** The weekly briefing (week of `date`, default today in Paris). */
  @Get('briefing')
  @Roles(...READ)
  briefing(@Query() query: DayQueryDto) {
    return this.briefings.briefing(query.date);
  }

  @Get('briefing.pdf')
  @Roles(...READ)
  async briefingPdf(@Query() query: DayQueryDto) {
    const file = await this.briefings.pdf(query.date);
    return new StreamableFile(file.content, {
      type: 'application/pdf',
      disposition: `attachment; filename="${file.filename}"`,
      length: file.content.length,
    });
  }

  @Get('schema')
  @Roles(...READ)
  schema() {
    return this.aires.schema();
  }

  /** Creates or replaces the prescription of an EPCI for one kind of equipment. */
  @Put('schema/prescriptions')
  @Roles(...WRITE)
  putPrescription(@Body() body: PrescriptionDto) {
    return this.aires.upsertPrescription(body);
  }

  @Get('aires')
  @Roles(...READ)
  listAires() {
    return this.aires.list();
  }

  @Post('aires')
  @Roles(...WRITE)
  createAire(@Body() body: AireDto) {
    return this.aires.create(body);
  }

  @Get('aires/:id')
  @Roles(...READ)
  getAire(@Param('id', ParseUUIDPipe) id: string) {
    return this.aires.get(id);
  }

  @Patch('aires/:id')
  @Roles(...WRITE)
  updateAire(@Param('id', ParseUUIDPipe) id: string, @Body() body: UpdateAireDto) {
    return this.aires.update(id, body);
  }

  @Post('aires/:id/closures')
  @Roles(...WRITE)
  addClosure(@Param('id', ParseUUIDPipe) id: string, @Body() body: ClosureDto) {
    return this.aires.addClosure(id, body);
  }

  @Delete('aires/:id/closures/:closureId')
  @Roles(...WRITE)
  removeClosure(
    @Param('id', ParseUUIDPipe) id: string,
    @Param('closureId', ParseUUIDPipe) closureId: string,
  ) {
    return this.aires.removeClosure(id, closureId);
  }

  /** Occupancy of one month (`YYYY-MM`), as reported by the manager. */
  @Put('aires/:id/occupancy/:month')
  @Roles(...WRITE)
  setOccupancy(
    @Param('id', ParseUUIDPipe) id: string,
    @Param('month') month: string,
    @Body() body: OccupancyDto,
  ) {
    return this.aires.setOccupancy(id, parseOrThrow(monthSchema, month), body);
  }

  /** Occupancy rate by aire and month of a year (default: the current year). */
  @Get('occupancy')
  @Roles(...READ)
  occupancy(@Query() query: YearQueryDto) {
    return this.aires.occupancy(query.year ?? Number(parisDay(new Date()).slice(0, 4)));
  }

  @Get('map')
  @Roles(...READ)
  map() {
    return this.aires.map();
  }

  /** The season's calendar (arrivals in `year`, all when absent) with warnings. */
  @Get('grand-passages')
  @Roles(...READ)
  listPassages(@Query() query: YearQueryDto) {
    return this.passages.list(query.year);
  }

  /** 409 when the aire is already booked on overlapping days. */
  @Post('grand-passages')
  @Roles(...WRITE)
  createPassage(@Body() body: GrandPassageDto) {
    return this.passages.create(body);
  }

  @Get('grand-passages/:id')
  @Roles(...READ)
  getPassage(@Param('id', ParseUUIDPipe) id: string) {
    return this.passages.get(id);
  }

  @Patch('grand-passages/:id')
  @Roles(...WRITE)
  updatePassage(@Param('id', ParseUUIDPipe) id: string, @Body() body: UpdateGrandPassageDto) {
    return this.passages.update(id, body);
  }

  @Get('settlements')
  @Roles(...READ)
  listSettlements(@Query() query: SettlementsQueryDto) {
    return this.settlements.list(query.status);
  }

  /** A constat of unlawful settlement: opens the procedure. */
  @Post('settlements')
  @Roles(...WRITE)
  createSettlement(@Body() body: SettlementDto, @CurrentUser() user: AuthUser) {
    return this.settlements.create(body, user);
  }

  @Get('settlements/:id')
  @Roles(...READ)
  getSettlement(@Param('id', ParseUUIDPipe) id: string) {
    return this.settlements.get(id);
  }

  /** Completes the facts and preconditions (until the mise en demeure). */
  @Patch('settlements/:id')
  @Roles(...WRITE)
  updateSettlement(
    @Param('id', ParseUUIDPipe) id: string,
    @Body() body: UpdateSettlementDto,
    @CurrentUser() user: AuthUser,
  ) {
    return this.settlements.update(id, body, user);
  }

  /** One step of the procedure (`{action, version, ...}`); 409 with the reasons when refused. */
  @Post('settlements/:id/actions')
  @HttpCode(200)
  @Roles(...WRITE)
  act(
    @Param('id', ParseUUIDPipe) id: string,
    @Body() body: unknown,
    @CurrentUser() user: AuthUser,
  ) {
    // a discriminated union: validated here (a zod DTO class cannot be a union)
    return this.settlements.act(id, parseOrThrow(settlementActionSchema, body), user);
  }

  /** `mise-en-demeure.pdf` or `evacuation.pdf`. */
  @Get('settlements/:id/documents/:kind')
  @Roles(...READ)
  async document(@Param('id', ParseUUIDPipe) id: string, @Param('kind') kind: string) {
    const parsed = parseOrThrow(documentKindSchema, kind.replace(/\.pdf$/, ''));
    const file = await this.documents.render(id, parsed);
    return new StreamableFile(file.content, {
      type: 'application/pdf',
      disposition: `attachment; filename="${file.filename}"`,
      length: file.content.length,
    });
  }
}
