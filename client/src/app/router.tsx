import { createBrowserRouter, Navigate } from 'react-router-dom';
import { LoginPage } from '@/features/auth/components/login-page';
import { DirectionPage } from '@/features/direction/components/direction-page';
import { RoutinePage } from '@/features/routine/components/routine-page';
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
          { index: true, element: <Navigate to="/console" replace /> },
          { path: '/console', element: <ConsolePage /> },
          { path: '/direction', element: <DirectionPage /> },
          { path: '/alerte/*', element: <PagingPage /> },
          { path: '/cabinet', element: <RoutinePage /> },
          { path: '*', element: <NotFoundPage /> },
        ],
      },
    ],
  },
]);
