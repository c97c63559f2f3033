import { Controller, Get, Param, Query, Res } from '@nestjs/common';
import {
  ApiBadRequestResponse,
  ApiBearerAuth,
  ApiNotFoundResponse,
  ApiOkResponse,
  ApiParam,
  ApiTags,
} from '@nestjs/swagger';
import type { Response } from 'express';
import { Roles } from '../common/decorators';
import type { Role } from '../contracts/roles';
import { DIRECTORY_READ_ROLES } from '../directory/roles';
import { LAYER_FILES } from './reference-data';
import type { CommuneTerritory, ElectedOfficial, OfficialsToInform } from '../contracts/territory';
import { CommuneInfo, ReferenceService } from './reference.service';
import { OfficialsQueryDto } from './territory.dto';
import { TerritoryService } from './territory.service';

/** Elected officials' contact details: the directory's readers, the press office and the Cabinet. */
const OFFICIALS_READ_ROLES: Role[] = [...DIRECTORY_READ_ROLES, 'press', 'cabinet_staff'];

const LAYER_HEADERS = {
  'Content-Type': 'application/geo+json',
  'Cache-Control': 'public, max-age=86400',
};

@ApiTags('reference')
@ApiBearerAuth()
@Controller('reference')
export class ReferenceController {
  constructor(
    private readonly reference: ReferenceService,
    private readonly territory: TerritoryService,
  ) {}

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

  @Get('territory')
  @ApiOkResponse({
    description: 'Every commune with its cantons, circonscriptions, EPCI and competent force',
  })
  listTerritory(): Promise<CommuneTerritory[]> {
    return this.territory.listTerritory();
  }

  @Get('territory/:insee')
  @ApiOkResponse({
    description: 'One commune’s territory (the competent brigade or commissariat…)',
  })
  @ApiBadRequestResponse({ description: 'validation: malformed INSEE code' })
  @ApiNotFoundResponse({ description: 'not_found: not a Puy-de-Dôme commune' })
  getTerritory(@Param('insee') insee: string): Promise<CommuneTerritory> {
    return this.territory.communeTerritory(insee);
  }

  @Get('cantons')
  @ApiOkResponse({ description: 'Cantons, with their seat and circonscription' })
  listCantons() {
    return this.territory.listCantons();
  }

  @Get('circonscriptions')
  @ApiOkResponse({ description: 'Legislative circonscriptions' })
  listCirconscriptions() {
    return this.territory.listCirconscriptions();
  }

  @Get('epcis')
  @ApiOkResponse({ description: 'EPCI à fiscalité propre, with their communes and population' })
  listEpcis() {
    return this.territory.listEpcis();
  }

  /**
   * With `communes`: the officials to inform of something there (mayors, deputies,
   * departmental councillors, senators). Without: the elected officials of the directory.
   */
  @Get('officials')
  @Roles(...OFFICIALS_READ_ROLES)
  @ApiOkResponse({ description: 'Elected officials from the directory' })
  @ApiBadRequestResponse({ description: 'validation: malformed or unknown commune codes' })
  officials(@Query() query: OfficialsQueryDto): Promise<OfficialsToInform | ElectedOfficial[]> {
    return query.communes
      ? this.territory.officialsToInform(query.communes)
      : this.territory.listOfficials(query.function);
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
