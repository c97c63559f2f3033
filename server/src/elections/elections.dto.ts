import { createZodDto } from 'nestjs-zod';
import { z } from 'zod';
import {
  appealSchema,
  createCandidatureSchema,
  createScrutinSchema,
  refuseCandidatureSchema,
  resultCallbackSchema,
  resultEntrySchema,
  resultErrorSchema,
  scrutinStatusSchema,
  TURNOUT_LEVELS,
  turnoutEntrySchema,
} from '../contracts/elections';

export const csvImportSchema = z
  .object({
    csv: z.string().min(1).max(900_000),
    /** Import the valid rows only (explicit choice); otherwise all-or-nothing. */
    onlyValid: z.boolean().default(false),
  })
  .strict();
export const turnoutQuerySchema = z
  .object({ level: z.enum(TURNOUT_LEVELS).default('commune') })
  .strict();
export const exportQuerySchema = z
  .object({ format: z.enum(['bureaux', 'communes']).default('bureaux') })
  .strict();
export const receiptQuerySchema = z
  .object({ kind: z.enum(['provisoire', 'definitif']).default('provisoire') })
  .strict();

export class CreateScrutinDto extends createZodDto(createScrutinSchema) {}
export class ScrutinStatusDto extends createZodDto(scrutinStatusSchema) {}
export class CsvImportDto extends createZodDto(csvImportSchema) {}
export class CreateCandidatureDto extends createZodDto(createCandidatureSchema) {}
export class RefuseCandidatureDto extends createZodDto(refuseCandidatureSchema) {}
export class AppealDto extends createZodDto(appealSchema) {}
export class ResultEntryDto extends createZodDto(resultEntrySchema) {}
export class ResultCallbackDto extends createZodDto(resultCallbackSchema) {}
export class ResultErrorDto extends createZodDto(resultErrorSchema) {}
export class TurnoutEntryDto extends createZodDto(turnoutEntrySchema) {}
export class TurnoutQueryDto extends createZodDto(turnoutQuerySchema) {}
export class ExportQueryDto extends createZodDto(exportQuerySchema) {}
export class ReceiptQueryDto extends createZodDto(receiptQuerySchema) {}

export type CreateScrutinInput = z.output<typeof createScrutinSchema>;
export type CsvImportInput = z.output<typeof csvImportSchema>;
