import { createZodDto } from 'nestjs-zod';
import type { z } from 'zod';
import { createCrisisSchema, updateCrisisSchema } from '../contracts/crisis';

export class CreateCrisisDto extends createZodDto(createCrisisSchema) {}
export class UpdateCrisisDto extends createZodDto(updateCrisisSchema) {}
export type CreateCrisisInput = z.infer<typeof createCrisisSchema>;
export type UpdateCrisisInput = z.infer<typeof updateCrisisSchema>;
