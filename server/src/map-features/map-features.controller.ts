import {
  Body,
  Controller,
  Delete,
  Get,
  HttpCode,
  Param,
  ParseUUIDPipe,
  Post,
} from '@nestjs/common';
import { ApiBearerAuth, ApiTags } from '@nestjs/swagger';
import type { AuthUser } from '../common/auth-user';
import { CurrentUser, Roles } from '../common/decorators';
import { CRISIS_READ_ROLES, CRISIS_WRITE_ROLES } from '../crises/audience';
import { CreateFeatureDto } from './map-features.dto';
import { MapFeaturesService } from './map-features.service';

@ApiTags('map features')
@ApiBearerAuth()
@Controller()
export class MapFeaturesController {
  constructor(private readonly features: MapFeaturesService) {}

  /** A GeoJSON Feature with `properties.kind`; answers with its impact (communes, sites). */
  @Post('crises/:id/features')
  @Roles(...CRISIS_WRITE_ROLES)
  create(
    @Param('id', ParseUUIDPipe) crisisId: string,
    @Body() body: CreateFeatureDto,
    @CurrentUser() user: AuthUser,
  ) {
    return this.features.create(crisisId, body, user);
  }

  /** `{data, seq}`: the features not deleted. */
  @Get('crises/:id/features')
  @Roles(...CRISIS_READ_ROLES)
  list(@Param('id', ParseUUIDPipe) crisisId: string) {
    return this.features.list(crisisId);
  }

  /** Features are immutable: delete and draw again to change one. */
  @Delete('features/:id')
  @HttpCode(204)
  @Roles(...CRISIS_WRITE_ROLES)
  remove(@Param('id', ParseUUIDPipe) id: string, @CurrentUser() user: AuthUser) {
    return this.features.remove(id, user);
  }
}
