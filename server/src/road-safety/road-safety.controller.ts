import {
  Body,
  Controller,
  Get,
  Param,
  Post,
  Query,
  UploadedFiles,
  UseInterceptors,
} from '@nestjs/common';
import { FileFieldsInterceptor } from '@nestjs/platform-express';
import { ApiBearerAuth, ApiConsumes, ApiTags } from '@nestjs/swagger';
import { createZodDto } from 'nestjs-zod';
import { z } from 'zod';
import { parseOrThrow } from '../common/app-error';
import type { AuthUser } from '../common/auth-user';
import { CurrentUser, Roles } from '../common/decorators';
import {
  accidentsQuerySchema,
  BAAC_FILES,
  createDgoSchema,
  IMPORT_MODES,
  statsQuerySchema,
  type BaacFile,
} from '../contracts/road-safety';
import { GRANTS_READ_ROLES, GRANTS_WRITE_ROLES } from '../grants/roles';
import { AccidentImportService, type UploadedFile } from './accident-import.service';
import { AccidentStatsService } from './accident-stats.service';
import { DgoService } from './dgo.service';

class StatsQueryDto extends createZodDto(statsQuerySchema) {}
class AccidentsQueryDto extends createZodDto(accidentsQuerySchema) {}
class SheetQueryDto extends createZodDto(
  z.object({ years: z.coerce.number().int().min(1).max(20).default(5) }).strict(),
) {}

const importOptionsSchema = z
  .object({ mode: z.enum(IMPORT_MODES).default('all_or_nothing') })
  .strict();
const inseeSchema = z.string().regex(/^\d{5}$/, 'an INSEE commune code');
const numAccSchema = z.string().regex(/^\d{12}$/, 'an accident number (12 digits)');
/** A national yearly file is about 10 MB; room for growth. */
const MAX_FILE_BYTES = 64 * 1024 * 1024;

/** Road safety: DGO, accident import (BAAC), dashboards, map and commune sheet. */
@ApiTags('road-safety')
@ApiBearerAuth()
@Controller('road-safety')
export class RoadSafetyController {
  constructor(
    private readonly imports: AccidentImportService,
    private readonly stats: AccidentStatsService,
    private readonly dgo: DgoService,
  ) {}

  /**
   * multipart/form-data with the four files `caracteristiques`, `lieux`, `vehicules`, `usagers`
   * and `mode` (`all_or_nothing`, default, or `valid_only`). Keeps département 63; replaces the
   * accidents of the years in the files.
   */
  @Post('accidents/import')
  @Roles(...GRANTS_WRITE_ROLES)
  @ApiConsumes('multipart/form-data')
  @UseInterceptors(
    FileFieldsInterceptor(
      BAAC_FILES.map((name) => ({ name, maxCount: 1 })),
      { limits: { fileSize: MAX_FILE_BYTES, files: 4, fields: 5 } },
    ),
  )
  importAccidents(
    @UploadedFiles() files: Partial<Record<BaacFile, UploadedFile[]>> | undefined,
    @Body() body: unknown,
    @CurrentUser() user: AuthUser,
  ) {
    const { mode } = parseOrThrow(importOptionsSchema, body ?? {});
    const uploaded = Object.fromEntries(
      Object.entries(files ?? {}).map(([name, list]) => [name, list?.[0]]),
    ) as Partial<Record<BaacFile, UploadedFile>>;
    return this.imports.importFiles(uploaded, mode, user);
  }

  @Get('accidents/imports')
  @Roles(...GRANTS_READ_ROLES)
  importsList() {
    return this.stats.imports();
  }

  /** Dashboards: by year, month, severity, road type, user category, setting, light. */
  @Get('accidents/stats')
  @Roles(...GRANTS_READ_ROLES)
  accidentStats(@Query() query: StatsQueryDto) {
    return this.stats.stats(query);
  }

  /** Points for the map (`?from=&to=&commune=&severity=`). */
  @Get('accidents')
  @Roles(...GRANTS_READ_ROLES)
  points(@Query() query: AccidentsQueryDto) {
    return this.stats.points(query);
  }

  @Get('accidents/:numAcc')
  @Roles(...GRANTS_READ_ROLES)
  accident(@Param('numAcc') numAcc: string) {
    return this.stats.accident(parseOrThrow(numAccSchema, numAcc));
  }

  /** Commune sheet for elected officials: the last `years` years, fatal accidents, PDASR actions. */
  @Get('communes/:insee/sheet')
  @Roles(...GRANTS_READ_ROLES)
  sheet(@Param('insee') insee: string, @Query() query: SheetQueryDto) {
    return this.stats.communeSheet(parseOrThrow(inseeSchema, insee), query.years);
  }

  @Get('dgo')
  @Roles(...GRANTS_READ_ROLES)
  dgos() {
    return this.dgo.list();
  }

  @Post('dgo')
  @Roles(...GRANTS_WRITE_ROLES)
  createDgo(@Body() body: unknown) {
    return this.dgo.create(parseOrThrow(createDgoSchema, body));
  }
}
