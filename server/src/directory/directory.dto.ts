import { createZodDto } from 'nestjs-zod';
import { z } from 'zod';
import {
  CONTACT_FUNCTIONS,
  contactImportSchema,
  contactSchema,
  groupSchema,
  inseeSchema,
  pageRecipientsSchema,
  rosterShiftSchema,
  updateContactSchema,
} from '../contracts/paging';

export class CreateContactDto extends createZodDto(contactSchema) {}
export class UpdateContactDto extends createZodDto(updateContactSchema) {}
export class ImportContactsDto extends createZodDto(contactImportSchema) {}
export class GroupDto extends createZodDto(groupSchema) {}
export class CreateRosterShiftDto extends createZodDto(rosterShiftSchema) {}
export class RecipientsDto extends createZodDto(pageRecipientsSchema) {}

export type GroupInput = z.infer<typeof groupSchema>;
export type RosterShiftInput = z.infer<typeof rosterShiftSchema>;
export type RecipientsSpec = z.infer<typeof pageRecipientsSchema>;

const isoDateTime = z.iso.datetime({ offset: true });

export const listContactsQuerySchema = z
  .object({
    communeInsee: inseeSchema.optional(),
    serviceId: z.uuid().optional(),
    function: z.enum(CONTACT_FUNCTIONS).optional(),
    q: z.string().trim().min(1).max(100).optional().describe('part of the name, title or e-mail'),
    active: z
      .enum(['true', 'false'])
      .transform((v) => v === 'true')
      .optional(),
  })
  .strict();
export class ListContactsQueryDto extends createZodDto(listContactsQuerySchema) {}
export type ListContactsQuery = z.infer<typeof listContactsQuerySchema>;

export const listRostersQuerySchema = z
  .object({
    serviceId: z.uuid().optional(),
    from: isoDateTime.optional().describe('shifts ending after this time (default: now)'),
    to: isoDateTime.optional().describe('shifts starting before this time'),
  })
  .strict()
  .refine((q) => !q.from || !q.to || new Date(q.to) > new Date(q.from), {
    message: 'to must be after from',
    path: ['to'],
  });
export class ListRostersQueryDto extends createZodDto(listRostersQuerySchema) {}
export type ListRostersQuery = z.infer<typeof listRostersQuerySchema>;

export const onDutyQuerySchema = z
  .object({ at: isoDateTime.optional().describe('default: now') })
  .strict();
export class OnDutyQueryDto extends createZodDto(onDutyQuerySchema) {}
