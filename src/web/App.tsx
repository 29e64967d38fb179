import { type ComponentType, lazy, Suspense, useEffect } from 'react';
import { BrowserRouter, Route, Routes, useLocation, useNavigationType } from 'react-router';
import { loadNamespaces, type Namespace } from './i18n';
import { PageErrorBoundary } from './ui/ErrorPage';
import { Layout } from './ui/Layout';
import { Loading } from './ui/Loading';
import { NotFoundPage } from './ui/NotFoundPage';

type Surface = {
  /** The route's path under `/`; '' for the index route. */
  path: string;
  load: () => Promise<Record<string, unknown>>;
  /** The exported component with the surface's own nested <Routes>. */
  name: string;
  /** The text namespaces its pages use, loaded together with its code. */
  namespaces: readonly Namespace[];
};

// Each surface owns its folder and exports one `XxxRoutes` component with its own nested
// <Routes>; its code, CSS and texts (in the current language only) are loaded on first visit, so
// the employee's phone downloads only what the page it opened needs (issue 17 item 6).
const SURFACES: readonly Surface[] = [
  { path: '', load: () => import('./surfaces/landing'), name: 'LandingPage', namespaces: ['landing'] },
  {
    path: 'operator/*',
    load: () => import('./surfaces/operator'),
    name: 'OperatorRoutes',
    namespaces: ['operator', 'billing'],
  },
  {
    path: 'bedrift/*',
    load: () => import('./surfaces/company'),
    name: 'CompanyRoutes',
    namespaces: ['company', 'billing'],
  },
  {
    path: 'bestill/:orderToken/*',
    load: () => import('./surfaces/order'),
    name: 'OrderRoutes',
    namespaces: ['order'],
  },
  {
    path: 'samtykke/:consentToken/*',
    load: () => import('./surfaces/order'),
    name: 'ConsentRoutes',
    namespaces: ['order'],
  },
  {
    path: 'billett/*',
    load: () => import('./surfaces/wallet'),
    name: 'WalletRoutes',
    namespaces: ['wallet'],
  },
  {
    path: 'kontroll/*',
    load: () => import('./surfaces/inspect'),
    name: 'InspectRoutes',
    namespaces: ['inspect'],
  },
  { path: 'dev/*', load: () => import('./surfaces/dev'), name: 'DevRoutes', namespaces: ['dev'] },
];

const loading = new Map<Surface, Promise<ComponentType>>();

/** The surface's component once its code and its texts are both in (one fetch each, in parallel). */
function loadSurface(surface: Surface): Promise<ComponentType> {
  let promise = loading.get(surface);
  if (!promise) {
    promise = Promise.all([surface.load(), loadNamespaces(surface.namespaces)]).then(
      ([module]) => module[surface.name] as ComponentType,
    );
    promise.catch(() => loading.delete(surface)); // a failed chunk is fetched again next visit
    loading.set(surface, promise);
  }
  return promise;
}

/** The surface a path opens (by its first segment), if any. */
function surfaceOf(pathname: string): Surface | undefined {
  const first = pathname.split('/')[1] ?? '';
  return SURFACES.find((s) => s.path.split('/')[0] === first);
}

/**
 * Starts fetching the surface of the page being opened while the shared texts load, so its code
 * does not wait for the first render.
 */
export function preloadSurfaceOf(pathname: string): void {
  const surface = surfaceOf(pathname);
  if (surface) void loadSurface(surface).catch(() => undefined);
}

function element(surface: Surface) {
  const Component = lazy(() => loadSurface(surface).then((c) => ({ default: c })));
  return <Component />;
}

const ROUTES = SURFACES.map((s) =>
  s.path === '' ? (
    <Route key="index" index element={element(s)} />
  ) : (
    <Route key={s.path} path={s.path} element={element(s)} />
  ),
);

/**
 * Scrolls to the top when a link or a redirect opens a new page; back and forward keep the
 * browser's own scroll restoration.
 */
function ScrollToTop() {
  const { pathname } = useLocation();
  const navigationType = useNavigationType();
  // biome-ignore lint/correctness/useExhaustiveDependencies: runs on each new pathname
  useEffect(() => {
    if (navigationType !== 'POP') window.scrollTo(0, 0);
  }, [pathname]);
  return null;
}

/**
 * The app's routes in the declarative router (no loaders or actions are used, and the data
 * router's own code would weigh 17 KB gzip more on every phone, issue 17 item 6).
 */
export function App() {
  return (
    <BrowserRouter>
      <Layout>
        <PageErrorBoundary>
          <Suspense fallback={<Loading />}>
            <Routes>
              {ROUTES}
              <Route path="*" element={<NotFoundPage />} />
            </Routes>
          </Suspense>
        </PageErrorBoundary>
        <ScrollToTop />
      </Layout>
    </BrowserRouter>
  );
}
