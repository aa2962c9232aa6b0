import { createContext, useContext } from 'react';
import type { Me, MeSite, Permission } from './api/types';

export interface Session {
  me: Me;
  username: string;
  site: MeSite | null;
  selectSite: (siteId: string) => void;
  /** Permission at the selected site (what the navigation and pages offer). */
  can: (p: Permission) => boolean;
  /** Sites where the caller holds a permission. */
  sitesWith: (p: Permission) => MeSite[];
  siteById: (id: string | null | undefined) => MeSite | undefined;
  signOut: () => void;
}

export const SessionContext = createContext<Session | null>(null);

export function useSession(): Session {
  const s = useContext(SessionContext);
  if (!s) throw new Error('useSession outside SessionContext');
  return s;
}

const SITE_KEY = 'apotheca.site';

export function pickSite(me: Me): MeSite | null {
  const saved = localStorage.getItem(SITE_KEY);
  return me.sites.find((s) => s.id === saved) ?? me.sites[0] ?? null;
}

export function rememberSite(siteId: string): void {
  localStorage.setItem(SITE_KEY, siteId);
}

export function buildSession(
  me: Me,
  username: string,
  site: MeSite | null,
  selectSite: (id: string) => void,
  signOut: () => void,
): Session {
  const at = (siteId: string) => me.permissions[siteId] ?? [];
  return {
    me,
    username,
    site,
    selectSite,
    signOut,
    can: (p) => (site ? at(site.id).includes(p) : false),
    sitesWith: (p) => me.sites.filter((s) => at(s.id).includes(p)),
    siteById: (id) => me.sites.find((s) => s.id === id),
  };
}
