import type { LoginRequest } from '@contracts/auth';
import { useMutation } from '@tanstack/react-query';
import type { Session } from '@/lib/session';
import { login } from '../api/auth-api';

export function useLogin() {
  return useMutation<Session, Error, LoginRequest>({ mutationFn: login });
}
