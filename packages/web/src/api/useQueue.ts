import { useCallback, useEffect, useRef, useState } from 'react';
import { ApiError, api } from './client';
import type { QueueResponse } from './rx';

export const POLL_MS = 5000;

/**
 * The work queue, refreshed by polling every 5 s while the tab is visible (the server has no push channel
 * yet). A failed refresh keeps the last good list on screen and reports the error.
 */
export function useQueue(siteId: string | undefined, state: string | undefined, limit = 10_000) {
  const [data, setData] = useState<QueueResponse>();
  const [error, setError] = useState<ApiError>();
  const [updatedAt, setUpdatedAt] = useState<Date>();
  const [paused, setPaused] = useState(false);
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
    if (paused) return;
    const timer = window.setInterval(() => {
      if (document.visibilityState === 'visible') void load();
    }, POLL_MS);
    return () => window.clearInterval(timer);
  }, [load, paused]);

  return { data, error, updatedAt, reload: load, paused, setPaused };
}
