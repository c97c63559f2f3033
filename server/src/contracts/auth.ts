import { z } from 'zod';
import { ROLES } from './roles';

export const loginRequestSchema = z.object({
  email: z.email().max(254),
  password: z.string().min(1).max(1024),
});
export type LoginRequest = z.infer<typeof loginRequestSchema>;

export const publicUserSchema = z.object({
  id: z.uuid(),
  email: z.string(),
  displayName: z.string(),
  roles: z.array(z.enum(ROLES)),
  serviceId: z.string().nullable(),
});
export type PublicUser = z.infer<typeof publicUserSchema>;

export interface LoginResponse {
  accessToken: string;
  /** Seconds until the access token expires; refresh through POST /api/auth/refresh. */
  expiresIn: number;
  user: PublicUser;
}

/** Error body returned by every failing HTTP call. */
export interface ApiErrorBody {
  code: string;
  message: string;
  details?: { path: string; message: string }[];
}
