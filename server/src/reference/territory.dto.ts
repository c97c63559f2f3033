import { createZodDto } from 'nestjs-zod';
import { z } from 'zod';
import { OFFICIAL_FUNCTIONS } from '../contracts/territory';

export const officialsQuerySchema = z
  .object({
    /** Comma-separated INSEE codes: the officials to inform of something in these communes. */
    communes: z
      .string()
      .transform((s) =>
        s
          .split(',')
          .map((c) => c.trim())
          .filter(Boolean),
      )
      .pipe(
        z
          .array(z.string().regex(/^\d{5}$/, 'an INSEE commune code'))
          .min(1)
          .max(463),
      )
      .optional(),
    function: z.enum(OFFICIAL_FUNCTIONS).optional(),
  })
  .strict();

export class OfficialsQueryDto extends createZodDto(officialsQuerySchema) {}
