import { createZodDto } from 'nestjs-zod';
import type { z } from 'zod';
import { createFeatureSchema } from '../contracts/crisis';

export class CreateFeatureDto extends createZodDto(createFeatureSchema) {}
export type CreateFeatureInput = z.infer<typeof createFeatureSchema>;
