import { createZodDto } from 'nestjs-zod';
import { z } from 'zod';
import { ROLES } from '../contracts/roles';
import { PASSWORD_MIN_LENGTH } from '../auth/password';

const password = z
  .string()
  .min(PASSWORD_MIN_LENGTH, `must be at least ${PASSWORD_MIN_LENGTH} characters`)
  .max(1024);
const roles = z.array(z.enum(ROLES)).min(1).max(ROLES.length);

export const createUserSchema = z
  .object({
    email: z.email().max(254),
    displayName: z.string().trim().min(1).max(200),
    password,
    roles,
    serviceId: z.uuid().nullish(),
  })
  .strict();

export const updateUserSchema = z
  .object({
    displayName: z.string().trim().min(1).max(200).optional(),
    password: password.optional(),
    roles: roles.optional(),
    serviceId: z.uuid().nullable().optional(),
    disabled: z.boolean().optional(),
  })
  .strict()
  .refine((v) => Object.keys(v).length > 0, { message: 'nothing to update' });

export class CreateUserDto extends createZodDto(createUserSchema) {}
export class UpdateUserDto extends createZodDto(updateUserSchema) {}
export type CreateUserInput = z.infer<typeof createUserSchema>;
export type UpdateUserInput = z.infer<typeof updateUserSchema>;
