import {
  Body,
  Controller,
  Delete,
  Get,
  HttpCode,
  Param,
  ParseUUIDPipe,
  Post,
  Query,
} from '@nestjs/common';
import { ApiBearerAuth, ApiTags } from '@nestjs/swagger';
import type { AuthUser } from '../common/auth-user';
import { CurrentUser, Roles } from '../common/decorators';
import { CreateRosterShiftDto, ListRostersQueryDto, OnDutyQueryDto } from './directory.dto';
import { DIRECTORY_READ_ROLES, DIRECTORY_WRITE_ROLES } from './roles';
import { RostersService } from './rosters.service';

/** Astreintes: the shifts of each service, and who is on duty at a given time. */
@ApiTags('directory')
@ApiBearerAuth()
@Controller()
export class RostersController {
  constructor(private readonly rosters: RostersService) {}

  /** `?serviceId=&from=&to=`: shifts overlapping [from, to); by default those not over yet. */
  @Get('rosters')
  @Roles(...DIRECTORY_READ_ROLES)
  list(@Query() query: ListRostersQueryDto) {
    return this.rosters.list(query);
  }

  @Post('rosters')
  @Roles(...DIRECTORY_WRITE_ROLES)
  create(@Body() body: CreateRosterShiftDto, @CurrentUser() user: AuthUser) {
    return this.rosters.create(body, user);
  }

  @Delete('rosters/:id')
  @HttpCode(204)
  @Roles(...DIRECTORY_WRITE_ROLES)
  remove(@Param('id', ParseUUIDPipe) id: string) {
    return this.rosters.remove(id);
  }

  /** Who a page to the service would reach at `?at=` (default now), and who comes next. */
  @Get('services/:id/on-duty')
  @Roles(...DIRECTORY_READ_ROLES)
  onDuty(@Param('id', ParseUUIDPipe) id: string, @Query() query: OnDutyQueryDto) {
    return this.rosters.onDuty(id, query.at ? new Date(query.at) : new Date());
  }
}
