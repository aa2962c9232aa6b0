import { type FormEvent, type KeyboardEvent, type Ref, useEffect, useId, useState } from 'react';
import { api } from '../api/client';
import { type DrugSearch, fmtNdc, type QueueItem, type QueueResponse, stateLabel } from '../api/rx';
import type { Items, Patient } from '../api/types';
import { navigate } from '../router';
import { useSession } from '../session';

type Group = 'Patients' | 'Prescriptions' | 'Drugs';
const GROUPS: Group[] = ['Patients', 'Prescriptions', 'Drugs'];

interface Hit {
  key: string;
  group: Group;
  label: string;
  detail: string;
  href: string;
}

// An exact Rx number is looked up on the server (GET /api/prescriptions?rxNumber=, any state); while the number is
// still being typed, open fills of the work queues match by prefix (cached briefly: no refetch per keystroke).
const QUEUE_TTL = 30_000;
const queueCache = new Map<string, { at: number; items: QueueItem[] }>();
async function openFills(siteId: string, signal: AbortSignal): Promise<QueueItem[]> {
  const hit = queueCache.get(siteId);
  if (hit && Date.now() - hit.at < QUEUE_TTL) return hit.items;
  const res = await api.get<QueueResponse>('/api/queue', { siteId, limit: 10_000 }, signal);
  queueCache.set(siteId, { at: Date.now(), items: res.items });
  return res.items;
}

interface ExactRx {
  rxNumber: number;
  drug: string;
  patient: string | null;
  latestFill: { fillId: string; fillNumber: number; state: string } | null;
}

/** Looks like a scan, an NDC or a GTIN rather than a name: drug search only, no patient look-up. */
const looksLikeCode = (q: string) => /^[\d\s-]{9,}$/.test(q) || /^(\]|\(01\)|01\d{14})/.test(q);

/**
 * Header search (WAI-ARIA combobox with a grouped listbox): patients by name or MRN, open prescriptions by
 * Rx number, and drugs by name, NDC in any form, GTIN or a scanned GS1 barcode. Enter opens the active
 * (first) result; without results it lists matching patients.
 */
export function GlobalSearch({ inputRef, initial }: { inputRef: Ref<HTMLInputElement>; initial: string }) {
  const { site, can, sitesWith } = useSession();
  const id = useId();
  const listId = `${id}-list`;
  const [q, setQ] = useState(initial);
  const [hits, setHits] = useState<Hit[]>([]);
  const [open, setOpen] = useState(false);
  const [active, setActive] = useState(0);
  const [busy, setBusy] = useState(false);
  const canPatients = can('patients.read');
  const rxSites = sitesWith('prescriptions.read');
  const canDrugs = can('drugs.read');
  const rxSiteKey = rxSites.map((s) => s.id).join(',');

  // biome-ignore lint/correctness/useExhaustiveDependencies: rxSiteKey stands for rxSites
  useEffect(() => {
    const term = q.trim();
    if (term.length < 2) {
      setHits([]);
      setBusy(false);
      return;
    }
    const ctl = new AbortController();
    const { signal } = ctl;
    setBusy(true);
    const t = window.setTimeout(async () => {
      const code = looksLikeCode(term);
      const rxNo = /^\d{4,9}(-\d{1,2})?$/.test(term) ? term.split('-')[0] : null;
      const patients = async (): Promise<Hit[]> => {
        if (!canPatients || (code && !rxNo)) return [];
        const r = await api.get<Items<Patient>>('/api/patients', { q: term, limit: 6 }, signal);
        return r.items.map((p) => ({
          key: `p-${p.id}`,
          group: 'Patients',
          label: `${p.lastName}, ${p.firstName}`,
          detail: `MRN ${p.mrn} · born ${p.birthDate}`,
          href: `/patients/${encodeURIComponent(p.id)}`,
        }));
      };
      const prescriptions = async (): Promise<Hit[]> => {
        if (!rxNo) return [];
        const [exact, lists] = await Promise.all([
          api
            .get<{ items: ExactRx[] }>('/api/prescriptions', { rxNumber: rxNo }, signal)
            .then((r) => r.items)
            .catch(() => [] as ExactRx[]),
          Promise.all(rxSites.map((s) => openFills(s.id, signal).catch(() => []))),
        ]);
        const fromServer: Hit[] = exact.flatMap((r) =>
          r.latestFill
            ? [
                {
                  key: `f-${r.latestFill.fillId}`,
                  group: 'Prescriptions',
                  label: `Rx ${r.rxNumber}-${r.latestFill.fillNumber} · ${r.drug}`,
                  detail: `${r.patient ?? 'patient not matched'} · ${stateLabel(r.latestFill.state)}`,
                  href: `/fills/${encodeURIComponent(r.latestFill.fillId)}`,
                },
              ]
            : [],
        );
        const fromQueue: Hit[] = lists
          .flat()
          .filter((f) => String(f.rxNumber).startsWith(rxNo))
          .map((f) => ({
            key: `f-${f.fillId}`,
            group: 'Prescriptions',
            label: `Rx ${f.rxNumber}-${f.fillNumber} · ${f.drug}`,
            detail: `${f.patient} · ${stateLabel(f.state)}`,
            href: `/fills/${encodeURIComponent(f.fillId)}`,
          }));
        const seen = new Set<string>();
        return [...fromServer, ...fromQueue].filter((h) => !seen.has(h.key) && seen.add(h.key)).slice(0, 6);
      };
      const drugs = async (): Promise<Hit[]> => {
        if (!canDrugs || /^\d{1,8}$/.test(term)) return [];
        const r = await api.get<DrugSearch>(
          '/api/drugs/search',
          { q: term, siteId: site?.id, limit: 6 },
          signal,
        );
        return r.items.map((d) => ({
          key: `d-${d.ndc11}`,
          group: 'Drugs',
          label: `${d.name} ${d.strength ?? ''}`.trim(),
          detail: `NDC ${fmtNdc(d.ndc11)}${d.dosageForm ? ` · ${d.dosageForm.toLowerCase()}` : ''}`,
          href: `/inventory?ndc=${d.ndc11}`,
        }));
      };
      const parts = await Promise.all([
        patients().catch(() => []),
        prescriptions().catch(() => []),
        drugs().catch(() => []),
      ]);
      if (signal.aborted) return;
      setHits(parts.flat());
      setActive(0);
      setBusy(false);
    }, 200);
    return () => {
      ctl.abort();
      window.clearTimeout(t);
    };
  }, [q, canPatients, canDrugs, rxSiteKey, site?.id]);

  const go = (href: string) => {
    setOpen(false);
    navigate(href);
  };
  const allPatients = () => {
    const term = q.trim();
    return term ? `/patients?q=${encodeURIComponent(term)}&scope=all` : '/patients';
  };

  const onSubmit = (e: FormEvent) => {
    e.preventDefault();
    const hit = hits[active];
    if (open && hit) go(hit.href);
    else if (canPatients) go(allPatients());
  };
  const onKey = (e: KeyboardEvent<HTMLInputElement>) => {
    if (e.key === 'ArrowDown') {
      e.preventDefault();
      setOpen(true);
      setActive((a) => Math.min(hits.length - 1, a + 1));
    } else if (e.key === 'ArrowUp') {
      e.preventDefault();
      setActive((a) => Math.max(0, a - 1));
    } else if (e.key === 'Escape') {
      setOpen(false);
    }
  };

  const term = q.trim();
  const showList = open && term.length >= 2;
  const activeHit = hits[active];
  return (
    <search className="global-search combobox">
      <form onSubmit={onSubmit}>
        <label htmlFor="global-search" className="sr-only">
          Search patients, prescriptions by Rx number, and medicines by name, NDC or barcode
        </label>
        <input
          id="global-search"
          ref={inputRef}
          type="search"
          role="combobox"
          aria-autocomplete="list"
          aria-expanded={showList}
          aria-controls={listId}
          aria-activedescendant={showList && activeHit ? `${id}-${activeHit.key}` : undefined}
          placeholder="Patients, Rx #, medicines or scan  ( / )"
          value={q}
          onChange={(e) => {
            setQ(e.target.value);
            setOpen(true);
          }}
          onKeyDown={onKey}
          onFocus={() => setOpen(true)}
          onBlur={() => window.setTimeout(() => setOpen(false), 150)}
          autoComplete="off"
        />
      </form>
      <div className="combobox-popup search-popup" hidden={!showList}>
        <div id={listId} role="listbox" aria-label="Search results" className="combobox-list">
          {GROUPS.map((g) => {
            const inGroup = hits.filter((h) => h.group === g);
            if (!inGroup.length) return null;
            return (
              // biome-ignore lint/a11y/useSemanticElements: a fieldset is not allowed inside a listbox; ARIA groups are
              <div key={g} role="group" aria-labelledby={`${id}-g-${g}`}>
                <div id={`${id}-g-${g}`} className="search-group" role="presentation">
                  {g}
                </div>
                {inGroup.map((h) => {
                  const i = hits.indexOf(h);
                  return (
                    // biome-ignore lint/a11y/useFocusableInteractive: reached through aria-activedescendant
                    <div
                      key={h.key}
                      id={`${id}-${h.key}`}
                      role="option"
                      aria-selected={i === active}
                      className={i === active ? 'active' : undefined}
                      onMouseDown={(e) => {
                        e.preventDefault();
                        go(h.href);
                      }}
                      onMouseEnter={() => setActive(i)}
                    >
                      <span className="search-label">{h.label}</span>
                      <span className="search-detail">{h.detail}</span>
                    </div>
                  );
                })}
              </div>
            );
          })}
        </div>
        {busy ? <p className="combobox-note">Searching…</p> : null}
        {!busy && !hits.length ? <p className="combobox-note">Nothing matches “{term}”.</p> : null}
        {canPatients ? (
          <p className="combobox-note">
            <a
              href={allPatients()}
              onMouseDown={(e) => e.preventDefault()}
              onClick={(e) => {
                e.preventDefault();
                go(allPatients());
              }}
            >
              All patients matching “{term}”
            </a>
          </p>
        ) : null}
      </div>
    </search>
  );
}
