import {
  Body,
  Controller,
  Get,
  Param,
  ParseUUIDPipe,
  Post,
  Query,
  StreamableFile,
} from '@nestjs/common';
import { ApiBearerAuth, ApiTags } from '@nestjs/swagger';
import type { AuthUser } from '../common/auth-user';
import { CurrentUser, Roles } from '../common/decorators';
import { CRISIS_READ_ROLES, CRISIS_WRITE_ROLES, LOGBOOK_WRITE_ROLES } from '../crises/audience';
import { AppendLogbookDto, LogbookQueryDto } from './logbook.dto';
import { LogbookFile, LogbookService } from './logbook.service';

/** Sends an export as a download. */
function attachment(file: LogbookFile): StreamableFile {
  return new StreamableFile(file.content, {
    type: file.contentType,
    disposition: `attachment; filename="${file.filename}"`,
    length: file.content.length,
  });
}

/** The main courante: append, read, verify, promote, export. No update, no delete. */
@ApiTags('logbook')
@ApiBearerAuth()
@Controller()
export class LogbookController {
  constructor(private readonly logbook: LogbookService) {}

  @Post('crises/:id/logbook')
  @Roles(...LOGBOOK_WRITE_ROLES)
  append(
    @Param('id', ParseUUIDPipe) id: string,
    @Body() body: AppendLogbookDto,
    @CurrentUser() user: AuthUser,
  ) {
    return this.logbook.append(id, body, user);
  }

  /** `{data, seq}`: entries in chain order and the outbox head they were read at. */
  @Get('crises/:id/logbook')
  @Roles(...CRISIS_READ_ROLES)
  list(@Param('id', ParseUUIDPipe) id: string, @Query() query: LogbookQueryDto) {
    return this.logbook.list(id, query);
  }

  @Get('crises/:id/logbook/verify')
  @Roles(...CRISIS_READ_ROLES)
  verify(@Param('id', ParseUUIDPipe) id: string) {
    return this.logbook.verify(id);
  }

  @Get('crises/:id/logbook/export.csv')
  @Roles(...CRISIS_READ_ROLES)
  async exportCsv(@Param('id', ParseUUIDPipe) id: string) {
    return attachment(await this.logbook.exportCsv(id));
  }

  @Get('crises/:id/logbook/export.pdf')
  @Roles(...CRISIS_READ_ROLES)
  async exportPdf(@Param('id', ParseUUIDPipe) id: string) {
    return attachment(await this.logbook.exportPdf(id));
  }

  /** Adds the entry to the "fil de situation" (the situation cellule's call). */
  @Post('logbook/:entryId/promote')
  @Roles(...CRISIS_WRITE_ROLES)
  promote(@Param('entryId', ParseUUIDPipe) entryId: string, @CurrentUser() user: AuthUser) {
    return this.logbook.promote(entryId, user);
  }
}
