import { createZodDto } from 'nestjs-zod';
import { z } from 'zod';
import { appendLogbookSchema, celluleSchema, LOGBOOK_CATEGORIES } from '../contracts/crisis';

export class AppendLogbookDto extends createZodDto(appendLogbookSchema) {}

/** What a caller appends (HTTP body, or another module's system entry). */
export type AppendLogbookInput = z.infer<typeof appendLogbookSchema>;

/** appendIn's input: the request fields plus who writes (a person, or Vigie itself). */
export const appendInSchema = appendLogbookSchema.extend({
  source: z.enum(['user', 'system']).default('user'),
});

export const LOGBOOK_LIST_MAX = 1000;

export const logbookQuerySchema = z
  .object({
    category: z.enum(LOGBOOK_CATEGORIES).optional(),
    cellule: celluleSchema.optional(),
    promoted: z
      .enum(['true', 'false'])
      .transform((v) => v === 'true')
      .optional(),
    /** Entries after this index (the last index the client holds). */
    since: z.coerce.number().int().min(0).max(2_147_483_647).optional(),
    limit: z.coerce.number().int().min(1).max(LOGBOOK_LIST_MAX).default(200),
  })
  .strict();

export class LogbookQueryDto extends createZodDto(logbookQuerySchema) {}
export type LogbookQuery = z.output<typeof logbookQuerySchema>;
