import { Controller, Get, Param, Res } from '@nestjs/common';
import {
  ApiBadRequestResponse,
  ApiBearerAuth,
  ApiNotFoundResponse,
  ApiOkResponse,
  ApiParam,
  ApiTags,
} from '@nestjs/swagger';
import type { Response } from 'express';
import { LAYER_FILES } from './reference-data';
import { CommuneInfo, ReferenceService } from './reference.service';

const LAYER_HEADERS = {
  'Content-Type': 'application/geo+json',
  'Cache-Control': 'public, max-age=86400',
};

@ApiTags('reference')
@ApiBearerAuth()
@Controller('reference')
export class ReferenceController {
  constructor(private readonly reference: ReferenceService) {}

  @Get('communes')
  @ApiOkResponse({ description: 'The 463 Puy-de-Dôme communes, sorted by INSEE code' })
  listCommunes(): Promise<CommuneInfo[]> {
    return this.reference.listCommunes();
  }

  @Get('communes/:insee')
  @ApiOkResponse({ description: 'One commune' })
  @ApiBadRequestResponse({ description: 'validation: malformed INSEE code' })
  @ApiNotFoundResponse({ description: 'not_found: not a Puy-de-Dôme commune' })
  getCommune(@Param('insee') insee: string): Promise<CommuneInfo> {
    return this.reference.getCommune(insee);
  }

  /** Headers are set after the lookup, so an error response is neither cached nor GeoJSON. */
  @Get('layers/:name')
  @ApiParam({ name: 'name', enum: Object.keys(LAYER_FILES) })
  @ApiOkResponse({ description: 'GeoJSON FeatureCollection (application/geo+json)' })
  @ApiNotFoundResponse({ description: 'not_found: unknown layer' })
  async getLayer(
    @Param('name') name: string,
    @Res({ passthrough: true }) res: Response,
  ): Promise<string> {
    const layer = await this.reference.getLayer(name);
    res.set(LAYER_HEADERS);
    return layer;
  }
}
