import { Controller, Get, Inject } from '@nestjs/common';
import { ApiBearerAuth, ApiTags } from '@nestjs/swagger';
import { APP_CONFIG, type AppConfig } from '../config/config';

export interface ClientConfig {
  /** Base map tiles, or null: the console then shows the shipped vector layers only. */
  mapTiles: { url: string; attribution: string } | null;
}

/** What the console needs to know about this installation. */
@ApiTags('operations')
@ApiBearerAuth()
@Controller('client-config')
export class ClientConfigController {
  constructor(@Inject(APP_CONFIG) private readonly config: AppConfig) {}

  @Get()
  get(): ClientConfig {
    const url = this.config.MAP_TILE_URL;
    return { mapTiles: url ? { url, attribution: this.config.MAP_TILE_ATTRIBUTION } : null };
  }
}
