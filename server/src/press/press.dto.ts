import { createZodDto } from 'nestjs-zod';
import { z } from 'zod';
import {
  actInputSchema,
  COMMUNIQUE_STATUSES,
  communiqueActionSchema,
  communiqueInputSchema,
  communiqueUpdateSchema,
  informOfficialSchema,
  pressContactInputSchema,
  pressImportSchema,
  pressListInputSchema,
  pressRequestInputSchema,
  pressRequestUpdateSchema,
  raaIssueInputSchema,
  raaPublishSchema,
  visitInputSchema,
} from '../contracts/press';

export class CommuniqueInputDto extends createZodDto(communiqueInputSchema) {}
export class CommuniqueUpdateDto extends createZodDto(communiqueUpdateSchema) {}
export class CommuniqueActionDto extends createZodDto(communiqueActionSchema) {}
export class ListCommuniquesQueryDto extends createZodDto(z.object({ status: z.enum(COMMUNIQUE_STATUSES).optional() }).strict()) {}
export class DiffQueryDto extends createZodDto(
  z.object({ from: z.coerce.number().int().min(1), to: z.coerce.number().int().min(1) }).strict(),
) {}
export class PressContactInputDto extends createZodDto(pressContactInputSchema) {}
export class PressListInputDto extends createZodDto(pressListInputSchema) {}
export class PressImportDto extends createZodDto(pressImportSchema) {}
export class PressRequestInputDto extends createZodDto(pressRequestInputSchema) {}
export class PressRequestUpdateDto extends createZodDto(pressRequestUpdateSchema) {}
export class ListPressRequestsQueryDto extends createZodDto(
  z.object({ overdue: z.enum(['true', 'false']).optional(), open: z.enum(['true', 'false']).optional() }).strict(),
) {}
export class VisitInputDto extends createZodDto(visitInputSchema) {}
export class InformOfficialDto extends createZodDto(informOfficialSchema) {}
export class AgendaQueryDto extends createZodDto(
  z.object({ from: z.iso.date(), to: z.iso.date() }).strict().refine((q) => q.to >= q.from, { path: ['to'], message: 'must not be before from' }),
) {}
export class ActInputDto extends createZodDto(actInputSchema) {}
export class RaaIssueInputDto extends createZodDto(raaIssueInputSchema) {}
export class RaaPublishDto extends createZodDto(raaPublishSchema) {}
export class ReportQueryDto extends createZodDto(z.object({ year: z.coerce.number().int().min(2000).max(2100) }).strict()) {}
