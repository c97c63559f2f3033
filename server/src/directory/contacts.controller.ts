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
  Query,
  StreamableFile,
} from '@nestjs/common';
import { ApiBearerAuth, ApiTags } from '@nestjs/swagger';
import { Roles } from '../common/decorators';
import { ContactsService } from './contacts.service';
import { ContactsTransferService, type CsvFile } from './contacts-transfer.service';
import {
  CreateContactDto,
  ImportContactsDto,
  ListContactsQueryDto,
  UpdateContactDto,
} from './directory.dto';
import { DIRECTORY_READ_ROLES, DIRECTORY_WRITE_ROLES } from './roles';

function attachment(file: CsvFile): StreamableFile {
  return new StreamableFile(file.content, {
    type: file.contentType,
    disposition: `attachment; filename="${file.filename}"`,
    length: file.content.length,
  });
}

/** Contacts hold personal data: the COD reads them, the SIDPC maintains them. */
@ApiTags('directory')
@ApiBearerAuth()
@Controller('contacts')
export class ContactsController {
  constructor(
    private readonly contacts: ContactsService,
    private readonly transfer: ContactsTransferService,
  ) {}

  /** `?communeInsee=&serviceId=&function=&q=&active=`, by name. */
  @Get()
  @Roles(...DIRECTORY_READ_ROLES)
  list(@Query() query: ListContactsQueryDto) {
    return this.contacts.list(query);
  }

  /** UTF-8 with BOM, `;`-separated, French headers; same filters as the list. */
  @Get('export.csv')
  @Roles(...DIRECTORY_READ_ROLES)
  async exportCsv(@Query() query: ListContactsQueryDto) {
    return attachment(await this.transfer.exportCsv(query));
  }

  /**
   * JSON `{csv}`: the text of a file in the export's format. All or nothing: any bad row → 400
   * listing every problem with its line (`line.7.Mobile`), nothing written.
   */
  @Post('import')
  @HttpCode(200)
  @Roles(...DIRECTORY_WRITE_ROLES)
  import(@Body() body: ImportContactsDto) {
    return this.transfer.import(body.csv);
  }

  @Post()
  @Roles(...DIRECTORY_WRITE_ROLES)
  create(@Body() body: CreateContactDto) {
    return this.contacts.create(body);
  }

  @Get(':id')
  @Roles(...DIRECTORY_READ_ROLES)
  get(@Param('id', ParseUUIDPipe) id: string) {
    return this.contacts.get(id);
  }

  /** Requires the `version` read last: 409 `stale_version` when someone changed it since. */
  @Patch(':id')
  @Roles(...DIRECTORY_WRITE_ROLES)
  update(@Param('id', ParseUUIDPipe) id: string, @Body() body: UpdateContactDto) {
    return this.contacts.update(id, body);
  }

  /** Deactivates: the contact stays in past pages and is no longer paged. */
  @Delete(':id')
  @HttpCode(204)
  @Roles(...DIRECTORY_WRITE_ROLES)
  deactivate(@Param('id', ParseUUIDPipe) id: string) {
    return this.contacts.deactivate(id);
  }
}
