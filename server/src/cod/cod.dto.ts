import { createZodDto } from 'nestjs-zod';
import type { z } from 'zod';
import { codTransitionSchema, positionSignInSchema } from '../contracts/crisis';

export class CodTransitionDto extends createZodDto(codTransitionSchema) {}
export class PositionSignInDto extends createZodDto(positionSignInSchema) {}
export type CodTransitionInput = z.infer<typeof codTransitionSchema>;
export type PositionSignInInput = z.infer<typeof positionSignInSchema>;
