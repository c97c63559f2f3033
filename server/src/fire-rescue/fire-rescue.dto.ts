import { createZodDto } from 'nestjs-zod';
import {
  assignSectorSchema,
  cisSchema,
  frameworkDocumentSchema,
  sectorImportSchema,
  statsImportSchema,
  updateCisSchema,
} from '../contracts/fire-rescue';

export class CisDto extends createZodDto(cisSchema) {}
export class UpdateCisDto extends createZodDto(updateCisSchema) {}
export class AssignSectorDto extends createZodDto(assignSectorSchema) {}
export class SectorImportDto extends createZodDto(sectorImportSchema) {}
export class FrameworkDocumentDto extends createZodDto(frameworkDocumentSchema) {}
export class StatsImportDto extends createZodDto(statsImportSchema) {}
