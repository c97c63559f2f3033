import { createZodDto } from 'nestjs-zod';
import {
  answerDecisionSchema,
  complementDecisionSchema,
  createDecisionSchema,
  diffuseSitrepSchema,
  listDecisionsQuerySchema,
  sitrepScheduleSchema,
  updateSitrepSchema,
  validateSitrepSchema,
} from '../contracts/direction';

export class CreateDecisionDto extends createZodDto(createDecisionSchema) {}
export class AnswerDecisionDto extends createZodDto(answerDecisionSchema) {}
export class ComplementDecisionDto extends createZodDto(complementDecisionSchema) {}
export class ListDecisionsQueryDto extends createZodDto(listDecisionsQuerySchema) {}
export class UpdateSitrepDto extends createZodDto(updateSitrepSchema) {}
export class ValidateSitrepDto extends createZodDto(validateSitrepSchema) {}
export class DiffuseSitrepDto extends createZodDto(diffuseSitrepSchema) {}
export class SitrepScheduleDto extends createZodDto(sitrepScheduleSchema) {}
