import { useCallback, useEffect, useMemo, useRef, useState } from 'react';
import { ApiError, api, hasSessionHint, isSessionEnd, onSessionExpired, setCsrfToken } from './api/client';
import type { LoginResponse, Me } from './api/types';
import { LoginPage } from './components/LoginPage';
import { ReloginDialog } from './components/ReloginDialog';
import { Shell } from './components/Shell';
import { ErrorBanner, Loading } from './components/ui';
import { buildSession, pickSite, rememberSite, SessionContext } from './session';

const USER_KEY = 'apotheca.username';

type State =
  | { kind: 'loading' }
  | { kind: 'anonymous' }
  | { kind: 'failed'; error: ApiError }
  | { kind: 'signed-in'; me: Me; username: string; siteId: string | null };

async function loadMe(): Promise<Me> {
  const me = await api.get<Me>('/api/me');
  if (me.csrfToken) setCsrfToken(me.csrfToken);
  return me;
}

export function App() {
  const [state, setState] = useState<State>({ kind: 'loading' });
  const [relogin, setRelogin] = useState<{ resolve: () => void; reject: (e: unknown) => void } | null>(null);
  const userIdRef = useRef<string | null>(null);

  const signedIn = useCallback((me: Me, username: string) => {
    userIdRef.current = me.user.id;
    sessionStorage.setItem(USER_KEY, username);
    setState({ kind: 'signed-in', me, username, siteId: pickSite(me)?.id ?? null });
  }, []);

  useEffect(() => {
    // Without the CSRF cookie there is no session: skip the 401 round trip and show the sign-in form.
    if (!hasSessionHint()) {
      setState({ kind: 'anonymous' });
      return;
    }
    loadMe().then(
      (me) => signedIn(me, sessionStorage.getItem(USER_KEY) ?? ''),
      (e: unknown) => {
        if (e instanceof ApiError && isSessionEnd(e)) setState({ kind: 'anonymous' });
        else
          setState({
            kind: 'failed',
            error: e instanceof ApiError ? e : new ApiError(0, 'client_error', String(e)),
          });
      },
    );
  }, [signedIn]);

  const signedInNow = state.kind === 'signed-in';
  useEffect(() => {
    if (!signedInNow) return;
    onSessionExpired(() => new Promise<void>((resolve, reject) => setRelogin({ resolve, reject })));
    return () => onSessionExpired(null);
  }, [signedInNow]);

  const signOut = useCallback(async () => {
    try {
      await api.post('/api/auth/logout', undefined, { noRelogin: true });
    } catch {
      // Already signed out on the server: nothing to revoke.
    }
    setCsrfToken(null);
    sessionStorage.removeItem(USER_KEY);
    setRelogin((r) => {
      r?.reject(new ApiError(401, 'signed_out', 'Signed out'));
      return null;
    });
    setState({ kind: 'anonymous' });
  }, []);

  const onRelogin = useCallback((res: LoginResponse) => {
    if (res.user.id !== userIdRef.current) {
      // Someone else signed in on this screen: never show them the previous user's page.
      window.location.assign('/');
      return;
    }
    setRelogin((r) => {
      r?.resolve();
      return null;
    });
  }, []);

  const selectSite = useCallback((siteId: string) => {
    rememberSite(siteId);
    setState((s) => (s.kind === 'signed-in' ? { ...s, siteId } : s));
  }, []);

  const session = useMemo(() => {
    if (state.kind !== 'signed-in') return null;
    const site = state.me.sites.find((s) => s.id === state.siteId) ?? null;
    return buildSession(state.me, state.username, site, selectSite, () => void signOut());
  }, [state, selectSite, signOut]);

  if (state.kind === 'loading') return <Loading label="Starting Apotheca…" />;
  if (state.kind === 'failed')
    return (
      <main id="main" className="boot-error">
        <h1>Apotheca is unavailable</h1>
        <ErrorBanner error={state.error} />
      </main>
    );
  if (state.kind === 'anonymous' || !session)
    return (
      <LoginPage
        onSuccess={async (_res, username) => {
          signedIn(await loadMe(), username);
        }}
      />
    );
  return (
    <SessionContext.Provider value={session}>
      <Shell />
      {relogin ? (
        <ReloginDialog
          username={state.username}
          displayName={state.me.user.displayName}
          onSuccess={onRelogin}
          onSignOut={() => void signOut()}
        />
      ) : null}
    </SessionContext.Provider>
  );
}
