import { Body, Controller, Get, Param, ParseUUIDPipe, Post } from '@nestjs/common';
import { ApiBearerAuth, ApiTags } from '@nestjs/swagger';
import { createZodDto } from 'nestjs-zod';
import type { AuthUser } from '../common/auth-user';
import { CurrentUser, Roles } from '../common/decorators';
import { createBodySchema, createMeetingSchema, createQpvSchema } from '../contracts/prevention';
import { GRANTS_READ_ROLES, GRANTS_WRITE_ROLES } from '../grants/roles';
import { PreventionService } from './prevention.service';

class CreateBodyDto extends createZodDto(createBodySchema) {}
class CreateMeetingDto extends createZodDto(createMeetingSchema) {}
class CreateQpvDto extends createZodDto(createQpvSchema) {}

/** CLSPD / CISPD bodies, meetings, QPV and the CLSPD obligation. */
@ApiTags('prevention')
@ApiBearerAuth()
@Controller('prevention')
export class PreventionController {
  constructor(private readonly prevention: PreventionService) {}

  @Get('bodies')
  @Roles(...GRANTS_READ_ROLES)
  bodies() {
    return this.prevention.listBodies();
  }

  @Post('bodies')
  @Roles(...GRANTS_WRITE_ROLES)
  createBody(@Body() body: CreateBodyDto, @CurrentUser() user: AuthUser) {
    return this.prevention.createBody(body, user);
  }

  @Get('bodies/:id')
  @Roles(...GRANTS_READ_ROLES)
  body(@Param('id', ParseUUIDPipe) id: string) {
    return this.prevention.getBody(id);
  }

  @Post('bodies/:id/meetings')
  @Roles(...GRANTS_WRITE_ROLES)
  addMeeting(
    @Param('id', ParseUUIDPipe) id: string,
    @Body() body: CreateMeetingDto,
    @CurrentUser() user: AuthUser,
  ) {
    return this.prevention.addMeeting(id, body, user);
  }

  /** Communes above the population threshold (or with a QPV) and whether a body covers them. */
  @Get('obligation')
  @Roles(...GRANTS_READ_ROLES)
  obligation() {
    return this.prevention.obligation();
  }

  @Get('qpv')
  @Roles(...GRANTS_READ_ROLES)
  qpv() {
    return this.prevention.listQpv();
  }

  @Post('qpv')
  @Roles(...GRANTS_WRITE_ROLES)
  addQpv(@Body() body: CreateQpvDto) {
    return this.prevention.addQpv(body);
  }
}
