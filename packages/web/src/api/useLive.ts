import { useEffect, useState } from 'react';

/**
 * A counter that moves on when work changes at the site: the server pushes every committed fill change over
 * server-sent events (GET /api/events, needs prescriptions.read). Bursts are coalesced to one tick per `quietMs`, so
 * a busy pharmacy does not reload a screen on every scan. Use it as a dependency of the loaders to refresh.
 */
export function useFillEventTick(siteId: string | undefined, enabled: boolean, quietMs = 2000): number {
  const [tick, setTick] = useState(0);
  useEffect(() => {
    if (!enabled || !siteId || typeof EventSource === 'undefined') return;
    const source = new EventSource('/api/events');
    let pending: number | undefined;
    source.addEventListener('fill', (e) => {
      const ev = JSON.parse((e as MessageEvent<string>).data) as { siteId: string };
      if (ev.siteId !== siteId || pending !== undefined) return;
      pending = window.setTimeout(() => {
        pending = undefined;
        setTick((t) => t + 1);
      }, quietMs);
    });
    return () => {
      source.close();
      if (pending !== undefined) window.clearTimeout(pending);
    };
  }, [siteId, enabled, quietMs]);
  return tick;
}

/** A counter that moves on every `ms` while the tab is visible (a modest safety refresh for live screens). */
export function useIntervalTick(ms: number): number {
  const [tick, setTick] = useState(0);
  useEffect(() => {
    const timer = window.setInterval(() => {
      if (document.visibilityState === 'visible') setTick((t) => t + 1);
    }, ms);
    return () => window.clearInterval(timer);
  }, [ms]);
  return tick;
}
