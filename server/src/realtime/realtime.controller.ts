import { Controller, Get } from '@nestjs/common';
import { ApiBearerAuth, ApiOkResponse, ApiTags } from '@nestjs/swagger';
import { SyncService } from './sync.service';

@ApiTags('realtime')
@ApiBearerAuth()
@Controller('realtime')
export class RealtimeController {
  constructor(private readonly sync: SyncService) {}

  /** The latest committed seq: a client reads it before its first fetch, then follows events. */
  @Get('head')
  @ApiOkResponse({ schema: { type: 'object', properties: { seq: { type: 'integer' } } } })
  async head(): Promise<{ seq: number }> {
    return { seq: await this.sync.head() };
  }
}
