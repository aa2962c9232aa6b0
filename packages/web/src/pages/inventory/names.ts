import { useEffect, useState } from 'react';
import { api } from '../../api/client';
import type { DrugDetail } from '../../api/rx';

const cache = new Map<string, string>();

/** Product names for NDCs from the drug knowledge base (as the On hand tab shows them), cached per page load. */
export function useProductNames(ndcs: string[], siteId: string | undefined): Map<string, string> {
  const key = [...new Set(ndcs)].sort().join(',');
  const [names, setNames] = useState(() => new Map(cache));
  useEffect(() => {
    const missing = key.split(',').filter((n) => n && !cache.has(n));
    if (!missing.length) return;
    const ctl = new AbortController();
    void Promise.all(
      missing.slice(0, 60).map((n) =>
        api
          .get<DrugDetail>(`/api/drugs/${n}`, { siteId }, ctl.signal)
          .then((d) => cache.set(n, `${d.product.displayName} ${d.product.strength ?? ''}`.trim()))
          .catch(() => undefined),
      ),
    ).then(() => {
      if (!ctl.signal.aborted) setNames(new Map(cache));
    });
    return () => ctl.abort();
  }, [key, siteId]);
  return names;
}
