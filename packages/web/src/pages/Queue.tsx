import { type KeyboardEvent, useMemo, useRef, useState } from 'react';
import type { ClaimRow, PaCase } from '../api/claims';
import { api } from '../api/client';
import {
  FILL_STATES,
  type FillState,
  fmtAge,
  PRIORITY_LABELS,
  type QueueItem,
  type QueueResponse,
  stateLabel,
} from '../api/rx';
import type { Items } from '../api/types';
import { useApi } from '../api/useApi';
import { POLL_MS, useQueue } from '../api/useQueue';
import { Badge, Empty, ErrorBanner, fmtDateTime, Loading, PageHeader } from '../components/ui';
import { VirtualTable } from '../components/VirtualTable';
import { Link, navigate, useLocation } from '../router';
import { useSession } from '../session';

const PRIORITY_RANK: Record<string, number> = { waiter: 0, normal: 1, delivery: 2, mail: 3 };
const PRIORITY_TONE: Record<string, 'bad' | 'info' | 'neutral'> = { waiter: 'bad', delivery: 'info' };

/** Waiters first (the patient is standing at the counter), then the longest-waiting. */
export function sortQueue(items: readonly QueueItem[]): QueueItem[] {
  return [...items].sort(
    (a, b) =>
      (PRIORITY_RANK[a.priority] ?? 9) - (PRIORITY_RANK[b.priority] ?? 9) ||
      b.ageMinutes - a.ageMinutes ||
      a.rxNumber - b.rxNumber,
  );
}

type ScheduleFilter = 'all' | 'controlled' | 'CII' | 'CIII-V' | 'none';
function scheduleMatches(s: string | null, f: ScheduleFilter): boolean {
  if (f === 'all') return true;
  if (f === 'none') return !s;
  if (f === 'controlled') return Boolean(s);
  if (f === 'CII') return s === 'CII';
  return s === 'CIII' || s === 'CIV' || s === 'CV';
}

function StateTabs({
  current,
  counts,
  onSelect,
}: {
  current: FillState;
  counts: QueueResponse['counts'] | undefined;
  onSelect: (s: FillState) => void;
}) {
  const refs = useRef<(HTMLButtonElement | null)[]>([]);
  // Arrow keys move between tabs (WAI-ARIA Authoring Practices, tabs pattern with automatic activation).
  const onKey = (e: KeyboardEvent, i: number) => {
    const n = FILL_STATES.length;
    const next =
      e.key === 'ArrowRight'
        ? (i + 1) % n
        : e.key === 'ArrowLeft'
          ? (i - 1 + n) % n
          : e.key === 'Home'
            ? 0
            : e.key === 'End'
              ? n - 1
              : -1;
    if (next < 0) return;
    e.preventDefault();
    const s = FILL_STATES[next];
    if (s) onSelect(s);
    refs.current[next]?.focus();
  };
  return (
    <div className="queue-tabs" role="tablist" aria-label="Workflow states">
      {FILL_STATES.map((s, i) => {
        const c = counts?.[s];
        const selected = s === current;
        return (
          <button
            key={s}
            ref={(el) => {
              refs.current[i] = el;
            }}
            type="button"
            role="tab"
            id={`tab-${s}`}
            aria-selected={selected}
            aria-controls="queue-panel"
            tabIndex={selected ? 0 : -1}
            className={`queue-tab${c?.count ? '' : ' queue-tab-empty'}`}
            onClick={() => onSelect(s)}
            onKeyDown={(e) => onKey(e, i)}
          >
            <span className="queue-tab-label">{stateLabel(s)}</span>
            <span className="queue-tab-count">{c?.count ?? 0}</span>
            {c?.count ? <span className="queue-tab-age">oldest {fmtAge(c.oldestMinutes)}</span> : null}
          </button>
        );
      })}
    </div>
  );
}

/** The money queues live on their own screens: links with their counts, beside the workflow tabs. */
function OtherQueues({ siteId }: { siteId: string }) {
  const { can } = useSession();
  const claims = useApi(
    (signal) =>
      can('claims.read')
        ? api.get<Items<ClaimRow>>('/api/claims', { siteId, status: 'rejected', limit: 500 }, signal)
        : Promise.resolve(null),
    [siteId],
  );
  const pa = useApi(
    (signal) =>
      can('pa.manage')
        ? api.get<Items<PaCase>>('/api/pa-cases', { siteId, limit: 500 }, signal)
        : Promise.resolve(null),
    [siteId],
  );
  const openPa = pa.data?.items.filter((c) => !PA_CLOSED.includes(c.status)).length;
  if (!claims.data && !pa.data) return null;
  return (
    <nav className="queue-other" aria-label="Claims and prior authorization queues">
      {claims.data ? (
        <Link href="/claims">
          Claims rejected{' '}
          <Badge tone={claims.data.items.length ? 'bad' : 'neutral'}>{claims.data.items.length}</Badge>
        </Link>
      ) : null}
      {pa.data ? (
        <Link href="/pa">
          Prior authorizations <Badge tone={openPa ? 'warn' : 'neutral'}>{openPa ?? 0}</Badge>
        </Link>
      ) : null}
    </nav>
  );
}

/** PA cases nobody is working on any more (a denial may still be appealed from the board). */
const PA_CLOSED: readonly string[] = ['approved', 'denied', 'cancelled'];

export default function Queue() {
  const { site, can } = useSession();
  const { query } = useLocation();
  const fallback: FillState = can('prescriptions.override_alert') ? 'data_verification' : 'intake';
  const raw = query.get('state');
  const state: FillState = FILL_STATES.includes(raw as FillState) ? (raw as FillState) : fallback;
  const { data, error, updatedAt, paused, setPaused, reload, live } = useQueue(site?.id, state);
  const [priority, setPriority] = useState('all');
  const [schedule, setSchedule] = useState<ScheduleFilter>('all');
  const [text, setText] = useState('');

  const rows = useMemo(() => {
    const t = text.trim().toLowerCase();
    return sortQueue(
      (data?.items ?? []).filter(
        (i) =>
          i.state === state &&
          (priority === 'all' || i.priority === priority) &&
          scheduleMatches(i.schedule, schedule) &&
          (!t ||
            String(i.rxNumber).includes(t) ||
            i.drug.toLowerCase().includes(t) ||
            (i.patient ?? '').toLowerCase().includes(t)),
      ),
    );
  }, [data, state, priority, schedule, text]);

  return (
    <>
      <PageHeader
        title="Prescription queue"
        subtitle={`${site?.name ?? ''} · ${stateLabel(state)}`}
        actions={
          can('prescriptions.intake') ? (
            <Link className="btn btn-primary" href="/prescriptions/new">
              New prescription
            </Link>
          ) : null
        }
      />
      <StateTabs
        current={state}
        counts={data?.counts}
        onSelect={(s) => navigate(`/queue?state=${s}`, { replace: true })}
      />
      {/* After the queue itself: its first rows must not wait behind these lists. */}
      {site && data ? <OtherQueues siteId={site.id} /> : null}
      <div id="queue-panel" role="tabpanel" aria-labelledby={`tab-${state}`}>
        <div className="toolbar queue-filters">
          <div className="field inline grow">
            <label htmlFor="queue-text">Filter</label>
            <input
              id="queue-text"
              type="search"
              value={text}
              placeholder="Rx number, patient or drug"
              onChange={(e) => setText(e.target.value)}
            />
          </div>
          <div className="field inline">
            <label htmlFor="queue-priority">Priority</label>
            <select id="queue-priority" value={priority} onChange={(e) => setPriority(e.target.value)}>
              <option value="all">All priorities</option>
              {Object.entries(PRIORITY_LABELS).map(([k, v]) => (
                <option key={k} value={k}>
                  {v}
                </option>
              ))}
            </select>
          </div>
          <div className="field inline">
            <label htmlFor="queue-schedule">Schedule</label>
            <select
              id="queue-schedule"
              value={schedule}
              onChange={(e) => setSchedule(e.target.value as ScheduleFilter)}
            >
              <option value="all">All drugs</option>
              <option value="controlled">Any controlled</option>
              <option value="CII">Schedule II</option>
              <option value="CIII-V">Schedule III–V</option>
              <option value="none">Not controlled</option>
            </select>
          </div>
          <div className="queue-live">
            <span className="muted" role="status" aria-live="off">
              {updatedAt ? `Updated ${updatedAt.toLocaleTimeString()}` : 'Loading…'}
              {paused ? ' · paused' : live ? ' · live' : ` · refreshes every ${POLL_MS / 1000} s`}
            </span>
            <button type="button" className="btn btn-ghost" onClick={() => setPaused(!paused)}>
              {paused ? 'Resume' : 'Pause'}
            </button>
            <button type="button" className="btn btn-ghost" onClick={() => void reload()}>
              Refresh
            </button>
          </div>
        </div>
        {error ? <ErrorBanner error={error} title="Queue refresh failed" /> : null}
        {!data && !error ? <Loading label="Loading queue…" /> : null}
        {data && rows.length === 0 ? (
          <Empty>No prescriptions in {stateLabel(state).toLowerCase()}.</Empty>
        ) : null}
        {rows.length > 0 ? (
          <>
            <VirtualTable
              items={rows}
              rowHeight={44}
              caption={`${stateLabel(state)} queue, waiters first then oldest`}
              columns={7}
              rowKey={(r) => r.fillId}
              head={
                <>
                  <th scope="col">Rx</th>
                  <th scope="col">Priority</th>
                  <th scope="col">Patient</th>
                  <th scope="col">Drug as written</th>
                  <th scope="col" className="hide-narrow">
                    Promised
                  </th>
                  <th scope="col" className="num">
                    Waiting
                  </th>
                  <th scope="col" className="hide-narrow">
                    Note
                  </th>
                </>
              }
              row={(r) => (
                <>
                  <td className="mono nowrap">
                    <Link href={`/fills/${r.fillId}`}>
                      {r.rxNumber}-{r.fillNumber}
                    </Link>
                  </td>
                  <td>
                    <Badge tone={PRIORITY_TONE[r.priority] ?? 'neutral'}>
                      {PRIORITY_LABELS[r.priority] ?? r.priority}
                    </Badge>
                  </td>
                  <td className="ellipsis">{r.patient ?? <span className="muted">Not matched</span>}</td>
                  <td className="ellipsis">
                    {r.schedule ? <Badge tone="warn">{r.schedule}</Badge> : null} {r.drug}
                  </td>
                  <td className="nowrap hide-narrow">{r.promisedAt ? fmtDateTime(r.promisedAt) : '—'}</td>
                  <td className="num nowrap">{fmtAge(r.ageMinutes)}</td>
                  <td className="ellipsis hide-narrow">
                    {r.holdReason ?? <span className="muted">{r.origin}</span>}
                  </td>
                </>
              )}
            />
            <p className="table-foot" role="status">
              {rows.length} fill{rows.length === 1 ? '' : 's'}
              {rows.length !== (data?.counts[state]?.count ?? rows.length)
                ? ` shown of ${data?.counts[state]?.count}`
                : ''}
            </p>
          </>
        ) : null}
      </div>
    </>
  );
}
