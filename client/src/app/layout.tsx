import type { HeaderProps } from '@codegouvfr/react-dsfr/Header';
import type { MainNavigationProps } from '@codegouvfr/react-dsfr/MainNavigation';
import { Outlet, useLocation } from 'react-router-dom';
import { UserSummary } from '@/features/auth/components/user-summary';
import { useLogout } from '@/features/auth/hooks/use-logout';
import { useSession } from '@/features/auth/hooks/use-session';
import { ConnectionIndicator } from '@/features/realtime/components/connection-indicator';
import { useRealtime, type ConnectionStatus } from '@/features/realtime/hooks/use-realtime';
import { t } from '@/lib/i18n';
import { PageLoader } from './page-loader';
import { Shell } from './shell';

const NAV_ITEMS = [
  { to: '/console', text: t.nav.console },
  { to: '/direction', text: t.nav.direction },
  { to: '/alerte', text: t.nav.paging },
  { to: '/presse', text: t.nav.press },
  { to: '/cabinet', text: t.nav.routine },
] as const;

/** Pages whose content fills the viewport under the header. */
const FULLSCREEN_PATHS = new Set(['/console']);

/** What the layout hands its pages (`useOutletContext`): the realtime connection's state. */
export interface AppOutletContext {
  status: ConnectionStatus;
  /** When the data shown was last in step with the server, while not connected. */
  syncedAt: number | null;
}

/** Frame of every signed-in page; owns the realtime connection (mounted once). */
export function AppLayout() {
  const session = useSession();
  const { status, ready, syncedAt } = useRealtime();
  const logout = useLogout();
  const { pathname } = useLocation();

  const navigation: MainNavigationProps.Item[] = NAV_ITEMS.map(({ to, text }) => ({
    text,
    linkProps: { to },
    isActive: pathname === to || pathname.startsWith(`${to}/`),
  }));
  const quickAccessItems: HeaderProps['quickAccessItems'] = [
    session && <UserSummary user={session.user} />,
    <ConnectionIndicator status={status} />,
    {
      iconId: 'fr-icon-logout-box-r-line',
      text: t.auth.logout,
      buttonProps: { type: 'button', onClick: () => void logout() },
    },
  ];

  return (
    <Shell
      navigation={navigation}
      quickAccessItems={quickAccessItems}
      fullscreen={FULLSCREEN_PATHS.has(pathname)}
    >
      {/* Data is fetched only once the realtime head is known, so no event can slip between. */}
      {ready ? (
        <Outlet context={{ status, syncedAt } satisfies AppOutletContext} />
      ) : (
        <PageLoader />
      )}
    </Shell>
  );
}
