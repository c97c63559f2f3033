import { Navigate } from 'react-router-dom';
import { homePath } from '@/features/auth/home-path';
import { useSession } from '@/features/auth/hooks/use-session';

/** `/`: the signed-in user's home. */
export function HomeRedirect() {
  const session = useSession();
  return <Navigate to={homePath(session?.user.roles ?? [])} replace />;
}
