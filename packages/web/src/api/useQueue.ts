import { useCallback, useEffect, useRef, useState } from 'react';
import { ApiError, api } from './client';
import type { QueueResponse } from './rx';

export const POLL_MS = 5000;
/** With the live stream connected, a slow safety poll only (in case an event is missed across a reconnect). */
export const LIVE_POLL_MS = 60_000;

/**
 * The work queue. Live: the server pushes every change of a fill at the caller's sites over server-sent events
 * (GET /api/events) and the list reloads at once (coalesced to one reload per 300 ms burst). If the stream cannot
 * be opened the queue falls back to polling every 5 s while the tab is visible. A failed refresh keeps the last
 * good list on screen and reports the error.
 */
export function useQueue(siteId: string | undefined, state: string | undefined, limit = 10_000) {
  const [data, setData] = useState<QueueResponse>();
  const [error, setError] = useState<ApiError>();
  const [updatedAt, setUpdatedAt] = useState<Date>();
  const [paused, setPaused] = useState(false);
  const [live, setLive] = useState(false);
  const inflight = useRef<AbortController | null>(null);

  const load = useCallback(async () => {
    if (!siteId) return;
    inflight.current?.abort();
    const ctl = new AbortController();
    inflight.current = ctl;
    try {
      const res = await api.get<QueueResponse>('/api/queue', { siteId, state, limit }, ctl.signal);
      if (ctl.signal.aborted) return;
      setData(res);
      setError(undefined);
      setUpdatedAt(new Date());
    } catch (e) {
      if (ctl.signal.aborted || (e instanceof DOMException && e.name === 'AbortError')) return;
      setError(e instanceof ApiError ? e : new ApiError(0, 'client_error', String(e)));
    }
  }, [siteId, state, limit]);

  useEffect(() => {
    setData(undefined);
    void load();
    return () => inflight.current?.abort();
  }, [load]);

  useEffect(() => {
    if (paused || typeof EventSource === 'undefined') return;
    const source = new EventSource('/api/events');
    let pending: number | undefined;
    source.onopen = () => setLive(true);
    source.onerror = () => setLive(false);
    source.addEventListener('fill', (e) => {
      const ev = JSON.parse((e as MessageEvent<string>).data) as { siteId: string };
      if (ev.siteId !== siteId || pending !== undefined) return;
      pending = window.setTimeout(() => {
        pending = undefined;
        void load();
      }, 300);
    });
    return () => {
      source.close();
      if (pending !== undefined) window.clearTimeout(pending);
      setLive(false);
    };
  }, [load, paused, siteId]);

  useEffect(() => {
    if (paused) return;
    const timer = window.setInterval(
      () => {
        if (document.visibilityState === 'visible') void load();
      },
      live ? LIVE_POLL_MS : POLL_MS,
    );
    return () => window.clearInterval(timer);
  }, [load, paused, live]);

  return { data, error, updatedAt, reload: load, paused, setPaused, live };
}
