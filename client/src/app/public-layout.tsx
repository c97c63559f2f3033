import { Outlet } from 'react-router-dom';
import { Shell } from './shell';

/** Header and footer without navigation, for the login page. */
export function PublicLayout() {
  return (
    <Shell>
      <Outlet />
    </Shell>
  );
}
