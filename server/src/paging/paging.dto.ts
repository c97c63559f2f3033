import { createZodDto } from 'nestjs-zod';
import { z } from 'zod';
import { createPageSchema, pageAckSchema, pushSubscriptionSchema, pushUnsubscribeSchema } from '../contracts/paging';

export const listPagesQuerySchema = z
  .object({
    crisisId: z.uuid().optional(),
    limit: z.coerce.number().int().min(1).max(200).default(50),
  })
  .strict();

/** Gateway delivery receipt (`POST /api/paging/webhooks/receipt`, signed). `reference` is the delivery id. */
export const receiptSchema = z.object({
  reference: z.string().min(1).max(100),
  id: z.union([z.string().max(200), z.number()]).optional(),
  status: z.enum(['sent', 'delivered', 'failed', 'undelivered']),
  error: z.string().max(500).optional(),
});

/** Gateway inbound SMS (`POST /api/paging/webhooks/inbound`, signed). */
export const inboundSchema = z.object({
  from: z.string().min(3).max(32),
  text: z.string().max(1600),
  id: z.union([z.string().max(200), z.number()]).optional(),
  to: z.string().max(32).optional(),
});

export class CreatePageDto extends createZodDto(createPageSchema) {}
export class PageAckDto extends createZodDto(pageAckSchema) {}
export class ListPagesQueryDto extends createZodDto(listPagesQuerySchema) {}
export class PushSubscriptionDto extends createZodDto(pushSubscriptionSchema) {}
export class PushUnsubscribeDto extends createZodDto(pushUnsubscribeSchema) {}
export type ListPagesQuery = z.output<typeof listPagesQuerySchema>;
export type ReceiptInput = z.infer<typeof receiptSchema>;
export type InboundInput = z.infer<typeof inboundSchema>;
