import { type ComponentType, lazy, Suspense } from 'react';
import { createBrowserRouter, Outlet, RouterProvider, ScrollRestoration } from 'react-router';
import { LandingPage } from './surfaces/landing';
import { ErrorPage } from './ui/ErrorPage';
import { Layout } from './ui/Layout';
import { Loading } from './ui/Loading';
import { NotFoundPage } from './ui/NotFoundPage';

// Each surface owns its folder and exports one `XxxRoutes` component with its own nested
// <Routes>; it is loaded on first visit so the employee's phone downloads only what it needs.
function surface(load: () => Promise<Record<string, ComponentType>>, name: string) {
  const Component = lazy(() => load().then((m) => ({ default: m[name] as ComponentType })));
  return <Component />;
}

const router = createBrowserRouter([
  {
    element: (
      <Layout>
        <Suspense fallback={<Loading />}>
          <Outlet />
        </Suspense>
        <ScrollRestoration />
      </Layout>
    ),
    errorElement: <ErrorPage />,
    children: [
      { index: true, element: <LandingPage /> },
      { path: 'operator/*', element: surface(() => import('./surfaces/operator'), 'OperatorRoutes') },
      { path: 'bedrift/*', element: surface(() => import('./surfaces/company'), 'CompanyRoutes') },
      { path: 'bestill/:orderToken/*', element: surface(() => import('./surfaces/order'), 'OrderRoutes') },
      {
        path: 'samtykke/:consentToken/*',
        element: surface(() => import('./surfaces/order'), 'ConsentRoutes'),
      },
      { path: 'billett/*', element: surface(() => import('./surfaces/wallet'), 'WalletRoutes') },
      { path: 'kontroll/*', element: surface(() => import('./surfaces/inspect'), 'InspectRoutes') },
      { path: 'dev/*', element: surface(() => import('./surfaces/dev'), 'DevRoutes') },
      { path: '*', element: <NotFoundPage /> },
    ],
  },
]);

export function App() {
  return <RouterProvider router={router} />;
}
