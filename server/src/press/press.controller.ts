import { Body, Controller, Get, HttpCode, Param, ParseUUIDPipe, Patch, Post, Put, Query, StreamableFile } from '@nestjs/common';
import { ApiBearerAuth, ApiTags } from '@nestjs/swagger';
import type { AuthUser } from '../common/auth-user';
import { CurrentUser, Roles } from '../common/decorators';
import { PRESS_WRITE_ROLES } from './communique-workflow';
import { PressContactsService } from './press-contacts.service';
import { PressRequestsService } from './press-requests.service';
import { ListPressRequestsQueryDto, PressContactInputDto, PressImportDto, PressListInputDto, PressRequestInputDto, PressRequestUpdateDto } from './press.dto';

/** Press contacts (personal data), press lists and journalists' requests. */
@ApiTags('press')
@ApiBearerAuth()
@Controller('press')
export class PressController {
  constructor(
    private readonly contacts: PressContactsService,
    private readonly requests: PressRequestsService,
  ) {}

  @Get('contacts')
  @Roles(...PRESS_WRITE_ROLES)
  listContacts() {
    return this.contacts.list();
  }

  @Post('contacts')
  @Roles(...PRESS_WRITE_ROLES)
  createContact(@Body() body: PressContactInputDto) {
    return this.contacts.create(body);
  }

  @Get('contacts/export.csv')
  @Roles(...PRESS_WRITE_ROLES)
  async exportContacts() {
    const file = await this.contacts.exportCsv();
    return new StreamableFile(file.content, { type: 'text/csv; charset=utf-8', disposition: `attachment; filename="${file.filename}"`, length: file.content.length });
  }

  /** `{csv, onlyValid?}`: all or nothing unless `onlyValid`; the report lists (line, column, problem). */
  @Post('contacts/import')
  @HttpCode(200)
  @Roles(...PRESS_WRITE_ROLES)
  importContacts(@Body() body: PressImportDto) {
    return this.contacts.import(body.csv, body.onlyValid);
  }

  @Put('contacts/:id')
  @Roles(...PRESS_WRITE_ROLES)
  updateContact(@Param('id', ParseUUIDPipe) id: string, @Body() body: PressContactInputDto) {
    return this.contacts.update(id, body);
  }

  @Get('lists')
  @Roles(...PRESS_WRITE_ROLES)
  lists() {
    return this.contacts.lists();
  }

  @Post('lists')
  @Roles(...PRESS_WRITE_ROLES)
  createList(@Body() body: PressListInputDto) {
    return this.contacts.createList(body);
  }

  @Put('lists/:id')
  @Roles(...PRESS_WRITE_ROLES)
  updateList(@Param('id', ParseUUIDPipe) id: string, @Body() body: PressListInputDto) {
    return this.contacts.updateList(id, body);
  }

  /** `?overdue=true`: open requests past their deadline; `?open=true`: open ones. */
  @Get('requests')
  @Roles(...PRESS_WRITE_ROLES)
  listRequests(@Query() query: ListPressRequestsQueryDto) {
    return this.requests.list(query);
  }

  @Post('requests')
  @Roles(...PRESS_WRITE_ROLES)
  createRequest(@Body() body: PressRequestInputDto, @CurrentUser() user: AuthUser) {
    return this.requests.create(body, user);
  }

  @Patch('requests/:id')
  @Roles(...PRESS_WRITE_ROLES)
  updateRequest(@Param('id', ParseUUIDPipe) id: string, @Body() body: PressRequestUpdateDto) {
    return this.requests.update(id, body);
  }
}
