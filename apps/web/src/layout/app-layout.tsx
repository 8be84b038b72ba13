import { useQueryClient } from '@tanstack/react-query';
import { Link, Outlet, useNavigate, useRouterState } from '@tanstack/react-router';
import { useEffect, useRef } from 'react';
import { useQuip } from '../app/quip-context.tsx';
import { useMe } from '../auth/use-me.ts';
import { Button } from '../ui/button.tsx';
import { navItemsFor } from './nav-items.ts';
import { RoleBadge } from './role-badge.tsx';
import { SkipLink } from './skip-link.tsx';

/** The signed-in frame: header with role-aware navigation, the current page below. */
export function AppLayout() {
  const { session } = useQuip();
  const queryClient = useQueryClient();
  const navigate = useNavigate();
  // The app route's beforeLoad has fetched it, so it is there on first render.
  const me = useMe();
  useFocusHeadingOnNavigate();

  const signOut = async () => {
    session.clear();
    queryClient.clear();
    await navigate({ to: '/sign-in' });
  };

  return (
    <div className="flex min-h-screen flex-col bg-slate-50 text-slate-900">
      <SkipLink />
      <header className="bg-slate-900 text-white print:hidden [&_:focus-visible]:outline-amber-300">
        <div className="mx-auto flex max-w-6xl flex-wrap items-center gap-x-6 gap-y-3 px-4 py-3 sm:px-6">
          <Link to="/" className="rounded text-lg font-semibold">
            Quip <span className="font-normal text-slate-300">admin</span>
          </Link>
          <nav aria-label="Main" className="order-last -mx-1 w-full sm:order-none sm:w-auto">
            {/* Items wrap rather than scroll: a scrolling list would clip the focus outline. */}
            <ul className="flex flex-wrap gap-1">
              {me
                ? navItemsFor(me.role).map((item) => (
                    <li key={item.to}>
                      <Link
                        to={item.to}
                        className="block rounded-md px-3 py-2 text-sm font-medium whitespace-nowrap text-slate-200 hover:bg-slate-800 hover:text-white aria-[current=page]:bg-slate-700 aria-[current=page]:text-white"
                      >
                        {item.label}
                      </Link>
                    </li>
                  ))
                : null}
            </ul>
          </nav>
          <div className="ml-auto flex items-center gap-3">
            {me ? (
              <p className="flex items-center gap-2 text-sm">
                <span className="sr-only">Signed in as</span>
                {/* Narrow screens show the role only, so brand and sign-out share one row. */}
                <span className="hidden max-w-[12rem] truncate sm:inline" title={me.name}>
                  {me.name}
                </span>
                <RoleBadge role={me.role} />
              </p>
            ) : null}
            <Button variant="on-dark" className="px-3 py-1.5" onClick={() => void signOut()}>
              Sign out
            </Button>
          </div>
        </div>
      </header>
      <main
        id="main"
        tabIndex={-1}
        className="mx-auto w-full max-w-6xl flex-1 px-4 py-8 focus:outline-none sm:px-6 print:max-w-none print:p-0"
      >
        <Outlet />
      </main>
      <footer className="border-t border-slate-200 bg-white print:hidden">
        <div className="mx-auto flex max-w-6xl flex-wrap gap-x-6 gap-y-2 px-4 py-4 text-sm text-slate-700 sm:px-6">
          {/* Served by the API itself, outside the SPA's routes: a plain link, not a router Link. */}
          <a href="/docs" className="underline underline-offset-2 hover:text-slate-900">
            API reference
          </a>
        </div>
      </footer>
    </div>
  );
}

/** After a client-side navigation, focus the new page's h1 so assistive tech announces it. */
function useFocusHeadingOnNavigate() {
  const pathname = useRouterState({ select: (state) => state.location.pathname });
  const shown = useRef(pathname);
  useEffect(() => {
    if (shown.current === pathname) return;
    shown.current = pathname;
    document.querySelector<HTMLElement>('#main h1')?.focus();
  }, [pathname]);
}
