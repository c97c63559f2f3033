import { createZodDto } from 'nestjs-zod';
import { z } from 'zod';
import {
  createApplicationSchema,
  createAxisSchema,
  createCallSchema,
  GRANT_FUNDS,
  paymentSchema,
  reportSchema,
  scoreSchema,
  updateDocumentsSchema,
} from '../contracts/grants';

export const fundQuerySchema = z
  .object({
    fund: z.enum(GRANT_FUNDS).optional(),
    year: z.coerce.number().int().min(2000).max(2100).optional(),
  })
  .strict();

export class FundQueryDto extends createZodDto(fundQuerySchema) {}
export class CreateCallDto extends createZodDto(createCallSchema) {}
export class CreateApplicationDto extends createZodDto(createApplicationSchema) {}
export class UpdateDocumentsDto extends createZodDto(updateDocumentsSchema) {}
export class ScoreDto extends createZodDto(scoreSchema) {}
export class PaymentDto extends createZodDto(paymentSchema) {}
export class ReportDto extends createZodDto(reportSchema) {}
export class CreateAxisDto extends createZodDto(createAxisSchema) {}
