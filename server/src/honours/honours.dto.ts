import { createZodDto } from 'nestjs-zod';
import { z } from 'zod';
import {
  bulkTransitionSchema,
  ceremonySchema,
  DISTINCTIONS,
  DOSSIER_STATUSES,
  dossierSchema,
  dossierTransitionSchema,
  eligibilityRequestSchema,
  promotionSchema,
  promotionUpdateSchema,
} from '../contracts/honours';

export const listDossiersQuerySchema = z
  .object({
    distinction: z.enum(DISTINCTIONS).optional(),
    status: z.enum(DOSSIER_STATUSES).optional(),
    promotionId: z.uuid().optional(),
    q: z.string().trim().min(1).max(100).optional(),
    limit: z.coerce.number().int().min(1).max(1000).default(500),
  })
  .strict();

export const listPromotionsQuerySchema = z
  .object({ distinction: z.enum(DISTINCTIONS).optional() })
  .strict();

export const updateDossierSchema = dossierSchema
  .extend({ version: z.number().int().min(1) })
  .strict();

export const importQuerySchema = z
  .object({
    /** `all`: nothing is imported when a row is invalid; `valid`: the valid rows are imported. */
    mode: z.enum(['all', 'valid']).default('all'),
  })
  .strict();

export const importBodySchema = z
  .object({
    csv: z.string().min(1).max(5_000_000),
    /** Column of the file for each field, when the headers are not the usual ones. */
    mapping: z.record(z.string(), z.string().max(200)).optional(),
    /** The distinction of every row when the file has no column for it (one procedure per medal). */
    distinction: z.enum(DISTINCTIONS).optional(),
  })
  .strict();

export const personExportQuerySchema = z
  .object({
    lastName: z.string().trim().min(1).max(120),
    firstName: z.string().trim().min(1).max(120),
    birthDate: z.iso.date(),
  })
  .strict();

export class EligibilityDto extends createZodDto(eligibilityRequestSchema) {}
export class CreateDossierDto extends createZodDto(dossierSchema) {}
export class UpdateDossierDto extends createZodDto(updateDossierSchema) {}
export class DossierTransitionDto extends createZodDto(dossierTransitionSchema) {}
export class BulkTransitionDto extends createZodDto(bulkTransitionSchema) {}
export class ListDossiersQueryDto extends createZodDto(listDossiersQuerySchema) {}
export class ListPromotionsQueryDto extends createZodDto(listPromotionsQuerySchema) {}
export class CreatePromotionDto extends createZodDto(promotionSchema) {}
export class UpdatePromotionDto extends createZodDto(promotionUpdateSchema) {}
export class CreateCeremonyDto extends createZodDto(ceremonySchema) {}
export class ImportQueryDto extends createZodDto(importQuerySchema) {}
export class ImportBodyDto extends createZodDto(importBodySchema) {}
export class PersonExportQueryDto extends createZodDto(personExportQuerySchema) {}

export type ListDossiersQuery = z.infer<typeof listDossiersQuerySchema>;
export type UpdateDossierInput = z.infer<typeof updateDossierSchema>;
export type DossierTransitionInput = z.infer<typeof dossierTransitionSchema>;
