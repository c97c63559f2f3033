import { createBrowserRouter } from 'react-router-dom';
import { LoginPage } from '@/features/auth/components/login-page';
import { DirectionPage } from '@/features/direction/components/direction-page';
import { HonoursPage } from '@/features/honours/components/honours-page';
import { ElectionsPage } from '@/features/elections/components/elections-page';
import { PressPage } from '@/features/press/components/press-page';
import { InterventionsPage } from '@/features/interventions/components/interventions-page';
import { PreventionPage } from '@/features/prevention/components/prevention-page';
import { RoadSafetyPage } from '@/features/road-safety/components/road-safety-page';
import { TravellersPage } from '@/features/travellers/components/travellers-page';
import { FireRescuePage } from '@/features/fire-rescue/components/fire-rescue-page';
import { TerritoryPage } from '@/features/territory/components/territory-page';
import { RoutinePage } from '@/features/routine/components/routine-page';
import { HomeRedirect } from './home';
import { AppLayout } from './layout';
import { NotFoundPage } from './not-found-page';
import { ConsolePage } from './pages/console-page';
import { PagingPage } from './pages/paging-page';
import { ProtectedRoute } from './protected-route';
import { PublicLayout } from './public-layout';

export const router = createBrowserRouter([
  {
    element: <PublicLayout />,
    children: [{ path: '/connexion', element: <LoginPage /> }],
  },
  {
    element: <ProtectedRoute />,
    children: [
      {
        element: <AppLayout />,
        children: [
          { index: true, element: <HomeRedirect /> },
          { path: '/console', element: <ConsolePage /> },
          { path: '/direction', element: <DirectionPage /> },
          { path: '/alerte/*', element: <PagingPage /> },
          { path: '/cabinet', element: <RoutinePage /> },
          { path: '/cabinet/distinctions/*', element: <HonoursPage /> },
          { path: '/cabinet/elections/*', element: <ElectionsPage /> },
          { path: '/presse/*', element: <PressPage /> },
          { path: '/cabinet/interventions/*', element: <InterventionsPage /> },
          { path: '/cabinet/prevention/*', element: <PreventionPage /> },
          { path: '/cabinet/securite-routiere/*', element: <RoadSafetyPage /> },
          { path: '/cabinet/gens-du-voyage/*', element: <TravellersPage /> },
          { path: '/cabinet/secours/*', element: <FireRescuePage /> },
          { path: '/cabinet/territoire/*', element: <TerritoryPage /> },
          { path: '*', element: <NotFoundPage /> },
        ],
      },
    ],
  },
]);
