import { type DependencyList, useCallback, useEffect, useState } from 'react';
import { ApiError } from './client';

export interface Loaded<T> {
  data: T | undefined;
  error: ApiError | undefined;
  loading: boolean;
  reload: () => void;
}

/** Runs a GET-like loader when deps change; stale responses are dropped via AbortController. */
export function useApi<T>(load: (signal: AbortSignal) => Promise<T>, deps: DependencyList): Loaded<T> {
  const [data, setData] = useState<T>();
  const [error, setError] = useState<ApiError>();
  const [loading, setLoading] = useState(true);
  const [tick, setTick] = useState(0);
  const reload = useCallback(() => setTick((t) => t + 1), []);

  // biome-ignore lint/correctness/useExhaustiveDependencies: the caller's deps drive reloading
  useEffect(() => {
    const ctl = new AbortController();
    setLoading(true);
    setError(undefined);
    load(ctl.signal).then(
      (d) => {
        if (ctl.signal.aborted) return;
        setData(d);
        setLoading(false);
      },
      (e: unknown) => {
        if (ctl.signal.aborted) return;
        setError(e instanceof ApiError ? e : new ApiError(0, 'client_error', String(e)));
        setData(undefined);
        setLoading(false);
      },
    );
    return () => ctl.abort();
  }, [...deps, tick]);

  return { data, error, loading, reload };
}
