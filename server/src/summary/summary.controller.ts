import { Controller, Get, Param, ParseUUIDPipe } from '@nestjs/common';
import { ApiBearerAuth, ApiTags } from '@nestjs/swagger';
import { Roles } from '../common/decorators';
import { CRISIS_READ_ROLES } from '../crises/audience';
import { SummaryService } from './summary.service';

@ApiTags('crises')
@ApiBearerAuth()
@Controller('crises')
export class SummaryController {
  constructor(private readonly summary: SummaryService) {}

  /** Bilan totals, incidents by status, open/overdue tasks, last entries, last promoted entry. */
  @Get(':id/summary')
  @Roles(...CRISIS_READ_ROLES)
  get(@Param('id', ParseUUIDPipe) id: string) {
    return this.summary.summary(id);
  }
}
