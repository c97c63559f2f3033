import { Controller, Get, Query } from '@nestjs/common';
import { ApiBearerAuth, ApiTags } from '@nestjs/swagger';
import { createZodDto } from 'nestjs-zod';
import { z } from 'zod';
import { Roles } from '../common/decorators';
import { AuditService } from './audit.service';

class AuditQueryDto extends createZodDto(
  z
    .object({
      actorId: z.uuid().optional(),
      action: z.string().max(200).optional(),
      before: z.string().regex(/^\d{1,18}$/).optional(),
      limit: z.coerce.number().int().min(1).max(500).default(100),
    })
    .strict(),
) {}

@ApiTags('audit')
@ApiBearerAuth()
@Roles('admin')
@Controller('audit')
export class AuditController {
  constructor(private readonly audit: AuditService) {}

  @Get()
  list(@Query() query: AuditQueryDto) {
    return this.audit.list(query);
  }
}
