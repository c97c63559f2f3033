import { Navigate, Outlet, useLocation } from 'react-router-dom';
import { useSession } from '@/features/auth/hooks/use-session';

/** Renders the child routes for a signed-in user; otherwise the login page, remembering where to go back. */
export function ProtectedRoute() {
  const session = useSession();
  const location = useLocation();
  if (!session) return <Navigate to="/connexion" replace state={{ from: location }} />;
  return <Outlet />;
}
