import { createZodDto } from 'nestjs-zod';
import { z } from 'zod';
import {
  createInterventionSchema,
  createLetterSchema,
  interventionTransitionSchema,
  listInterventionsQuerySchema,
  updateInterventionSchema,
  weeklyQuerySchema,
} from '../contracts/interventions';

export class CreateInterventionDto extends createZodDto(createInterventionSchema) {}
export class UpdateInterventionDto extends createZodDto(updateInterventionSchema) {}
export class InterventionTransitionDto extends createZodDto(interventionTransitionSchema) {}
export class CreateLetterDto extends createZodDto(createLetterSchema) {}
export class ListInterventionsQueryDto extends createZodDto(listInterventionsQuerySchema) {}
export class WeeklyQueryDto extends createZodDto(weeklyQuerySchema) {}
export class OfficialSearchQueryDto extends createZodDto(
  z.object({ q: z.string().trim().min(2).max(100) }).strict(),
) {}
