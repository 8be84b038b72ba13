import type { QueryClient } from '@tanstack/react-query';
import {
  createRootRouteWithContext,
  createRoute,
  createRouter,
  lazyRouteComponent,
  Outlet,
  type RouteComponent,
  redirect,
} from '@tanstack/react-router';
import { isUnauthorized } from '../api/api-error.ts';
import type { Me, Role } from '../api/resources.ts';
import { meQueryOptions } from '../auth/me-query.ts';
import { safeRedirect } from '../auth/safe-redirect.ts';
import { SignInPage } from '../auth/sign-in-page.tsx';
import { FiscalYearsPage } from '../fiscal-years/fiscal-years-page.tsx';
import { AppLayout } from '../layout/app-layout.tsx';
import { AppUnavailable } from '../layout/app-unavailable.tsx';
import { routeRoles } from '../layout/nav-items.ts';
import { NotAllowedPage } from '../layout/not-allowed-page.tsx';
import { NotFoundPage, StandaloneNotFoundPage } from '../layout/not-found-page.tsx';
import { PageError } from '../layout/page-error.tsx';
import { validatePrintScorecardsSearch } from '../scorecard/print-scorecards-search.ts';
import type { Quip } from './quip-context.tsx';

export interface RouterContext extends Quip {
  queryClient: QueryClient;
}

/*
 * Route map. Public: /sign-in. Everything else hangs under the pathless `app` route, which
 * requires a key, loads `me` into the route context (so a child's beforeLoad can check
 * `context.me.role`) and renders the navigation frame. Later pages slot in beside fiscal years,
 * e.g. /fiscal-years/$fy/programs/$program/rulebook, /runs/$id, /audit, /api-keys.
 */

const rootRoute = createRootRouteWithContext<RouterContext>()({
  component: Outlet,
  notFoundComponent: StandaloneNotFoundPage,
});

interface SignInSearch {
  redirect?: string;
  reason?: 'expired';
}

const signInRoute = createRoute({
  getParentRoute: () => rootRoute,
  path: 'sign-in',
  validateSearch: (search: Record<string, unknown>): SignInSearch => ({
    ...(typeof search.redirect === 'string' ? { redirect: search.redirect } : {}),
    ...(search.reason === 'expired' ? { reason: 'expired' as const } : {}),
  }),
  // Already signed in: go on. A key the API has stopped accepting comes back here with
  // `reason=expired` after the app route has cleared it, so this cannot loop.
  beforeLoad: ({ context, search }) => {
    if (context.session.getKey()) throw redirect({ href: safeRedirect(search.redirect, '/') });
  },
  component: SignInPage,
});

const appRoute = createRoute({
  getParentRoute: () => rootRoute,
  id: 'app',
  beforeLoad: async ({ context, location }) => {
    if (!context.session.getKey()) {
      throw redirect({ to: '/sign-in', search: { redirect: location.href } });
    }
    try {
      return { me: await context.queryClient.ensureQueryData(meQueryOptions(context.api)) };
    } catch (error) {
      if (!isUnauthorized(error)) throw error;
      context.session.clear();
      throw redirect({ to: '/sign-in', search: { reason: 'expired', redirect: location.href } });
    }
  },
  component: AppLayout,
  errorComponent: AppUnavailable,
  notFoundComponent: NotFoundPage,
});

// Home depends on the role: a submitter lands on its payees, the office on the fiscal years.
const indexRoute = createRoute({
  getParentRoute: () => appRoute,
  path: '/',
  beforeLoad: ({ context }) => {
    throw redirect({ to: context.me.role === 'submitter' ? '/portal' : '/fiscal-years', replace: true });
  },
});

const fiscalYearsRoute = createRoute({
  getParentRoute: () => appRoute,
  path: 'fiscal-years',
  component: FiscalYearsPage,
});

/** A route only some roles may open: others land on the "not allowed" page. */
function allow(roles: readonly Role[]) {
  return ({ context }: { context: { me?: Me } }) => {
    if (!context.me || !roles.includes(context.me.role))
      throw redirect({ to: '/not-allowed', replace: true });
  };
}

const notAllowedRoute = createRoute({
  getParentRoute: () => appRoute,
  path: 'not-allowed',
  component: NotAllowedPage,
});

/**
 * A page inside the app's frame that only `roles` may open. Its component is loaded when first
 * opened (editor, charts and tables), keeping the first load small.
 */
function guardedPage<const TPath extends string>(
  path: TPath,
  roles: readonly Role[],
  component: RouteComponent,
) {
  return createRoute({ getParentRoute: () => appRoute, path, beforeLoad: allow(roles), component });
}

const rulebookRoute = guardedPage(
  'fiscal-years/$fy/programs/$program/rulebook',
  routeRoles.rulebook,
  lazyRouteComponent(() => import('../rulebook/rulebook-page.tsx'), 'RulebookPage'),
);
const dataRoute = guardedPage(
  'fiscal-years/$fy/programs/$program/data',
  routeRoles.data,
  lazyRouteComponent(() => import('../data/data-page.tsx'), 'DataPage'),
);
const runsRoute = guardedPage(
  'fiscal-years/$fy/programs/$program/runs',
  routeRoles.runs,
  lazyRouteComponent(() => import('../runs/runs-page.tsx'), 'RunsPage'),
);
const paymentsRoute = guardedPage(
  'fiscal-years/$fy/programs/$program/payments',
  routeRoles.payments,
  lazyRouteComponent(() => import('../payments/payments-page.tsx'), 'PaymentsPage'),
);
const runRoute = guardedPage(
  'runs/$runId',
  routeRoles.runs,
  lazyRouteComponent(() => import('../runs/run-page.tsx'), 'RunPage'),
);
const scorecardRoute = guardedPage(
  'runs/$runId/scorecards/$entityId',
  routeRoles.scorecards,
  lazyRouteComponent(() => import('../scorecard/scorecard-page.tsx'), 'ScorecardPage'),
);

const printScorecardsRoute = createRoute({
  getParentRoute: () => appRoute,
  path: 'runs/$runId/scorecards',
  validateSearch: validatePrintScorecardsSearch,
  beforeLoad: allow(routeRoles.printScorecards),
  component: lazyRouteComponent(
    () => import('../scorecard/print-scorecards-page.tsx'),
    'PrintScorecardsPage',
  ),
});

const portalRoute = guardedPage(
  'portal',
  routeRoles.portal,
  lazyRouteComponent(() => import('../portal/portal-page.tsx'), 'PortalPage'),
);
const requestsRoute = guardedPage(
  'requests',
  routeRoles.requests,
  lazyRouteComponent(() => import('../review/review-queue-page.tsx'), 'ReviewQueuePage'),
);
const auditRoute = guardedPage(
  'audit',
  routeRoles.audit,
  lazyRouteComponent(() => import('../admin/audit-page.tsx'), 'AuditPage'),
);
const apiKeysRoute = guardedPage(
  'api-keys',
  routeRoles.apiKeys,
  lazyRouteComponent(() => import('../admin/api-keys-page.tsx'), 'ApiKeysPage'),
);

const routeTree = rootRoute.addChildren([
  signInRoute,
  appRoute.addChildren([
    indexRoute,
    fiscalYearsRoute,
    notAllowedRoute,
    rulebookRoute,
    dataRoute,
    runsRoute,
    paymentsRoute,
    runRoute,
    scorecardRoute,
    printScorecardsRoute,
    portalRoute,
    requestsRoute,
    auditRoute,
    apiKeysRoute,
  ]),
]);

export function createAppRouter(context: RouterContext) {
  return createRouter({
    routeTree,
    context,
    defaultPreload: 'intent',
    // A page that breaks says so in its place, within the app's frame; the app route's own
    // AppUnavailable stays for a session that cannot start.
    defaultErrorComponent: PageError,
    // react-query owns data freshness; the router must not cache loader results on top.
    defaultPreloadStaleTime: 0,
    scrollRestoration: true,
  });
}

declare module '@tanstack/react-router' {
  interface Register {
    router: ReturnType<typeof createAppRouter>;
  }
}
