import { Body, Controller, Get, Param, ParseUUIDPipe, Patch, Post } from '@nestjs/common';
import { ApiBearerAuth, ApiTags } from '@nestjs/swagger';
import type { AuthUser } from '../common/auth-user';
import { CurrentUser, Roles } from '../common/decorators';
import { CRISIS_READ_ROLES, CRISIS_WRITE_ROLES } from './audience';
import { CreateCrisisDto, UpdateCrisisDto } from './crises.dto';
import { CrisesService } from './crises.service';

@ApiTags('crises')
@ApiBearerAuth()
@Controller('crises')
export class CrisesController {
  constructor(private readonly crises: CrisesService) {}

  @Post()
  @Roles(...CRISIS_WRITE_ROLES)
  create(@Body() body: CreateCrisisDto, @CurrentUser() user: AuthUser) {
    return this.crises.create(body, user);
  }

  /** `{data, seq}`: the crises and the outbox head they were read at. */
  @Get()
  @Roles(...CRISIS_READ_ROLES)
  list() {
    return this.crises.list();
  }

  @Get(':id')
  @Roles(...CRISIS_READ_ROLES)
  get(@Param('id', ParseUUIDPipe) id: string) {
    return this.crises.get(id);
  }

  @Patch(':id')
  @Roles(...CRISIS_WRITE_ROLES)
  update(@Param('id', ParseUUIDPipe) id: string, @Body() body: UpdateCrisisDto) {
    return this.crises.update(id, body);
  }
}
