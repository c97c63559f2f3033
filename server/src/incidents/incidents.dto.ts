import { createZodDto } from 'nestjs-zod';
import { z } from 'zod';
import { createIncidentSchema, INCIDENT_STATUSES, updateIncidentSchema } from '../contracts/crisis';

export class CreateIncidentDto extends createZodDto(createIncidentSchema) {}
export class UpdateIncidentDto extends createZodDto(updateIncidentSchema) {}
export type CreateIncidentInput = z.infer<typeof createIncidentSchema>;
export type UpdateIncidentInput = z.infer<typeof updateIncidentSchema>;

const coordinate = z
  .string()
  .regex(/^-?\d+(\.\d+)?$/, 'expected a decimal number')
  .transform(Number);

/** `minLon,minLat,maxLon,maxLat` in WGS84, west/south edge first. */
const bboxParam = z
  .string()
  .transform((s) => s.split(','))
  .pipe(
    z.tuple([
      coordinate.pipe(z.number().min(-180).max(180)),
      coordinate.pipe(z.number().min(-90).max(90)),
      coordinate.pipe(z.number().min(-180).max(180)),
      coordinate.pipe(z.number().min(-90).max(90)),
    ]),
  )
  .refine(([minLon, minLat, maxLon, maxLat]) => minLon <= maxLon && minLat <= maxLat, {
    message: 'expected minLon,minLat,maxLon,maxLat with min ≤ max',
  })
  .describe('minLon,minLat,maxLon,maxLat (WGS84): incidents whose bounding box meets this one');

export const listIncidentsQuerySchema = z
  .object({
    crisisId: z.uuid(),
    status: z
      .string()
      .transform((s) => s.split(','))
      .pipe(z.array(z.enum(INCIDENT_STATUSES)))
      .optional()
      .describe(`one or more of ${INCIDENT_STATUSES.join(', ')}, separated by commas`),
    bbox: bboxParam.optional(),
  })
  .strict();
export class ListIncidentsQueryDto extends createZodDto(listIncidentsQuerySchema) {}
export type ListIncidentsQuery = z.infer<typeof listIncidentsQuerySchema>;
