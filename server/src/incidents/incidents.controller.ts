import { Body, Controller, Get, Param, ParseUUIDPipe, Patch, Post, Query } from '@nestjs/common';
import { ApiBearerAuth, ApiTags } from '@nestjs/swagger';
import type { AuthUser } from '../common/auth-user';
import { CurrentUser, Roles } from '../common/decorators';
import type { Role } from '../contracts/roles';
import { CRISIS_READ_ROLES, CRISIS_WRITE_ROLES } from '../crises/audience';
import { CreateIncidentDto, ListIncidentsQueryDto, UpdateIncidentDto } from './incidents.dto';
import { IncidentsService } from './incidents.service';

/** Liaison officers report and update incidents from their service too. */
const INCIDENT_WRITE_ROLES: Role[] = [...CRISIS_WRITE_ROLES, 'service_liaison'];

@ApiTags('incidents')
@ApiBearerAuth()
@Controller('incidents')
export class IncidentsController {
  constructor(private readonly incidents: IncidentsService) {}

  @Post()
  @Roles(...INCIDENT_WRITE_ROLES)
  create(@Body() body: CreateIncidentDto, @CurrentUser() user: AuthUser) {
    return this.incidents.create(body, user);
  }

  /** `{data, seq}`: `?crisisId=` (required), `status=a,b`, `bbox=minLon,minLat,maxLon,maxLat`. */
  @Get()
  @Roles(...CRISIS_READ_ROLES)
  list(@Query() query: ListIncidentsQueryDto) {
    return this.incidents.list(query);
  }

  @Get(':id')
  @Roles(...CRISIS_READ_ROLES)
  get(@Param('id', ParseUUIDPipe) id: string) {
    return this.incidents.get(id);
  }

  /** Requires the `version` read last: 409 `stale_version` when someone changed it since. */
  @Patch(':id')
  @Roles(...INCIDENT_WRITE_ROLES)
  update(@Param('id', ParseUUIDPipe) id: string, @Body() body: UpdateIncidentDto) {
    return this.incidents.update(id, body);
  }
}
