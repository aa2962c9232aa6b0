import { lazy, type ReactNode, Suspense, useEffect, useRef, useState } from 'react';
import { roleLabel, SETTING_LABELS } from '../api/types';
import { isActive, NAV, NAV_SECTIONS } from '../nav';
import { Link, navigate, useLocation } from '../router';
import { useSession } from '../session';
import { useShortcuts } from '../shortcuts';
import { toggleTheme } from '../theme';
import { GlobalSearch } from './GlobalSearch';
import { ShortcutHelp } from './ShortcutHelp';
import { ThemeToggle } from './ThemeToggle';
import { Loading } from './ui';

const Home = lazy(() => import('../pages/Home'));
const Patients = lazy(() => import('../pages/Patients'));
const PatientProfile = lazy(() => import('../pages/PatientProfile'));
const Prescribers = lazy(() => import('../pages/Prescribers'));
const Users = lazy(() => import('../pages/Users'));
const Audit = lazy(() => import('../pages/Audit'));
const Sites = lazy(() => import('../pages/Sites'));
const Calculator = lazy(() => import('../pages/Calculator'));
const NotFound = lazy(() => import('../pages/NotFound'));
const Queue = lazy(() => import('../pages/Queue'));
const NewPrescription = lazy(() => import('../pages/NewPrescription'));
const FillPage = lazy(() => import('../pages/fill/FillPage'));
const Inventory = lazy(() => import('../pages/Inventory'));
const Claims = lazy(() => import('../pages/claims/Claims'));
const PaBoard = lazy(() => import('../pages/claims/PaBoard'));

function Routes({ path }: { path: string }): ReactNode {
  const patient = /^\/patients\/([^/]+)$/.exec(path);
  if (patient?.[1]) return <PatientProfile id={decodeURIComponent(patient[1])} />;
  const fill = /^\/fills\/([^/]+)$/.exec(path);
  if (fill?.[1]) return <FillPage key={fill[1]} id={decodeURIComponent(fill[1])} />;
  switch (path) {
    case '/':
      return <Home />;
    case '/patients':
      return <Patients />;
    case '/queue':
      return <Queue />;
    case '/prescriptions/new':
      return <NewPrescription />;
    case '/inventory':
      return <Inventory />;
    case '/claims':
      return <Claims />;
    case '/pa':
      return <PaBoard />;
    case '/prescribers':
      return <Prescribers />;
    case '/users':
      return <Users />;
    case '/audit':
      return <Audit />;
    case '/sites':
      return <Sites />;
    case '/calculator':
      return <Calculator />;
    default:
      return <NotFound />;
  }
}

export function Shell() {
  const session = useSession();
  const { me, site, can, selectSite, signOut } = session;
  const { path, query } = useLocation();
  const [help, setHelp] = useState(false);
  const searchRef = useRef<HTMLInputElement>(null);
  const mainRef = useRef<HTMLElement>(null);
  const nav = NAV.filter((n) => !n.permission || can(n.permission));
  const canSearch = can('patients.read') || can('drugs.read') || can('prescriptions.read');
  const setting = site ? (SETTING_LABELS[site.settingType] ?? site.settingType) : null;

  useShortcuts(
    {
      help: () => setHelp(true),
      focusSearch: () => searchRef.current?.focus(),
      toggleTheme,
      go: (key) => {
        const item = nav.find((n) => n.key === key);
        if (item) navigate(item.href);
      },
    },
    !help,
  );

  // Move focus to the page heading after navigation so screen readers announce the new page.
  const first = useRef(true);
  // biome-ignore lint/correctness/useExhaustiveDependencies: runs on path change only
  useEffect(() => {
    if (first.current) {
      first.current = false;
      return;
    }
    const h1 = mainRef.current?.querySelector('h1');
    if (h1 instanceof HTMLElement) {
      h1.tabIndex = -1;
      h1.focus({ preventScroll: true });
    }
  }, [path]);

  const roles = site?.roles.map(roleLabel).join(', ') ?? '';
  return (
    <div className="app">
      <a className="skip-link" href="#main">
        Skip to main content
      </a>
      <header className="topbar">
        <Link href="/" className="brand" aria-label="Apotheca home">
          <span className="brand-mark" aria-hidden="true">
            +
          </span>
          <span className="brand-name">Apotheca</span>
        </Link>
        <div className="site-switcher">
          <label htmlFor="site-select" className="topbar-label">
            Site
          </label>
          <select
            id="site-select"
            value={site?.id ?? ''}
            onChange={(e) => selectSite(e.target.value)}
            disabled={me.sites.length <= 1}
          >
            {me.sites.map((s) => (
              <option key={s.id} value={s.id}>
                {s.code} — {s.name}
              </option>
            ))}
          </select>
          {site ? (
            <span className="site-type">{SETTING_LABELS[site.settingType] ?? site.settingType}</span>
          ) : null}
        </div>
        {canSearch ? (
          <GlobalSearch inputRef={searchRef} initial={path === '/patients' ? (query.get('q') ?? '') : ''} />
        ) : (
          <div className="topbar-spacer" />
        )}
        <div className="topbar-actions">
          <ThemeToggle className="btn btn-topbar" />
          <button
            type="button"
            className="btn btn-topbar"
            onClick={() => setHelp(true)}
            aria-label="Keyboard shortcuts"
            title="Keyboard shortcuts (?)"
          >
            ?
          </button>
          <div className="user-chip">
            <span className="user-name">{me.user.displayName}</span>
            {roles ? <span className="user-role">{roles}</span> : null}
          </div>
          <button type="button" className="btn btn-topbar" onClick={signOut}>
            Sign out
          </button>
        </div>
      </header>
      <div className="body">
        <nav className="sidenav" aria-label="Main">
          <div className="nav-inner">
            {setting ? (
              <p className="nav-setting">
                <span className="sr-only">Site setting: </span>
                {setting} pharmacy
              </p>
            ) : null}
            <ul>
              {nav
                .filter((n) => !n.section)
                .map((n) => (
                  <li key={n.href}>
                    <Link href={n.href} aria-current={isActive(n.href, path) ? 'page' : undefined}>
                      {n.label}
                    </Link>
                  </li>
                ))}
            </ul>
            {NAV_SECTIONS.map((sec) => {
              const items = nav.filter((n) => n.section === sec);
              if (!items.length) return null;
              return (
                <div key={sec} className="nav-section">
                  <p className="nav-heading" id={`nav-${sec}`}>
                    {sec}
                  </p>
                  <ul aria-labelledby={`nav-${sec}`}>
                    {items.map((n) => (
                      <li key={n.href}>
                        <Link href={n.href} aria-current={isActive(n.href, path) ? 'page' : undefined}>
                          {n.label}
                        </Link>
                      </li>
                    ))}
                  </ul>
                </div>
              );
            })}
          </div>
        </nav>
        <main id="main" ref={mainRef} tabIndex={-1}>
          <Suspense fallback={<Loading />}>
            <Routes path={path} />
          </Suspense>
        </main>
      </div>
      {help ? <ShortcutHelp nav={nav} onClose={() => setHelp(false)} /> : null}
    </div>
  );
}
