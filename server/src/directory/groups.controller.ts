import {
  Body,
  Controller,
  Delete,
  Get,
  HttpCode,
  Param,
  ParseUUIDPipe,
  Post,
  Put,
} from '@nestjs/common';
import { ApiBearerAuth, ApiTags } from '@nestjs/swagger';
import { Roles } from '../common/decorators';
import { GroupDto } from './directory.dto';
import { GroupsService } from './groups.service';
import { DIRECTORY_READ_ROLES, DIRECTORY_WRITE_ROLES } from './roles';

@ApiTags('directory')
@ApiBearerAuth()
@Controller('groups')
export class GroupsController {
  constructor(private readonly groups: GroupsService) {}

  @Get()
  @Roles(...DIRECTORY_READ_ROLES)
  list() {
    return this.groups.list();
  }

  @Post()
  @Roles(...DIRECTORY_WRITE_ROLES)
  create(@Body() body: GroupDto) {
    return this.groups.create(body);
  }

  @Get(':id')
  @Roles(...DIRECTORY_READ_ROLES)
  get(@Param('id', ParseUUIDPipe) id: string) {
    return this.groups.get(id);
  }

  /** Replaces the name, the description and every member. */
  @Put(':id')
  @Roles(...DIRECTORY_WRITE_ROLES)
  replace(@Param('id', ParseUUIDPipe) id: string, @Body() body: GroupDto) {
    return this.groups.replace(id, body);
  }

  @Delete(':id')
  @HttpCode(204)
  @Roles(...DIRECTORY_WRITE_ROLES)
  remove(@Param('id', ParseUUIDPipe) id: string) {
    return this.groups.remove(id);
  }
}
