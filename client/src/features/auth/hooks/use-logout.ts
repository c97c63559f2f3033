import { useQueryClient } from '@tanstack/react-query';
import { useCallback } from 'react';
import { useNavigate } from 'react-router-dom';
import { disconnectSocket } from '@/lib/socket';
import { logout } from '../api/auth-api';

/** Closes the socket, revokes the session, forgets every cached query and shows the login page. */
export function useLogout(): () => Promise<void> {
  const queryClient = useQueryClient();
  const navigate = useNavigate();
  return useCallback(async () => {
    disconnectSocket();
    await logout();
    queryClient.clear();
    await navigate('/connexion', { replace: true });
  }, [navigate, queryClient]);
}
