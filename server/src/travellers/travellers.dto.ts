import { createZodDto } from 'nestjs-zod';
import { z } from 'zod';
import {
  aireSchema,
  closureSchema,
  grandPassageSchema,
  occupancySchema,
  prescriptionSchema,
  SETTLEMENT_STATUSES,
  settlementSchema,
  updateAireSchema,
  updateGrandPassageSchema,
  updateSettlementSchema,
} from '../contracts/travellers';

export const yearQuerySchema = z
  .object({ year: z.coerce.number().int().min(2000).max(2100).optional() })
  .strict();
export const dayQuerySchema = z.object({ date: z.iso.date().optional() }).strict();
export const settlementsQuerySchema = z
  .object({ status: z.enum(SETTLEMENT_STATUSES).optional() })
  .strict();
export const documentKindSchema = z.enum(['mise-en-demeure', 'evacuation']);

export class AireDto extends createZodDto(aireSchema) {}
export class UpdateAireDto extends createZodDto(updateAireSchema) {}
export class ClosureDto extends createZodDto(closureSchema) {}
export class OccupancyDto extends createZodDto(occupancySchema) {}
export class PrescriptionDto extends createZodDto(prescriptionSchema) {}
export class GrandPassageDto extends createZodDto(grandPassageSchema) {}
export class UpdateGrandPassageDto extends createZodDto(updateGrandPassageSchema) {}
export class SettlementDto extends createZodDto(settlementSchema) {}
export class UpdateSettlementDto extends createZodDto(updateSettlementSchema) {}
export class YearQueryDto extends createZodDto(yearQuerySchema) {}
export class DayQueryDto extends createZodDto(dayQuerySchema) {}
export class SettlementsQueryDto extends createZodDto(settlementsQuerySchema) {}
