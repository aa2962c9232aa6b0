import { ACTION_LABELS, type FillDetail, stateLabel } from '../../api/rx';
import { fmtDateTime } from '../../components/ui';

const MAIN = [
  'intake',
  'data_entry',
  'data_verification',
  'claim',
  'fill',
  'final_verification',
  'ready',
  'sold',
];

/** Where the fill is in the main workflow (side states such as hold are shown against the step they left). */
export function Stepper({ state, previous }: { state: string; previous: string | null }) {
  const at = MAIN.indexOf(MAIN.includes(state) ? state : (previous ?? ''));
  return (
    <ol className="stepper" aria-label="Workflow progress">
      {MAIN.map((s, i) => (
        <li
          key={s}
          className={i < at ? 'done' : i === at ? 'current' : undefined}
          aria-current={s === state ? 'step' : undefined}
        >
          {stateLabel(s)}
        </li>
      ))}
    </ol>
  );
}

export function History({ detail }: { detail: FillDetail }) {
  const { events, scans, clarifications } = detail;
  return (
    <details className="card history">
      <summary>
        <h2>History</h2>
        <span className="muted">
          {events.length} steps · {scans.length} scans
          {clarifications.length ? ` · ${clarifications.length} clarifications` : ''}
        </span>
      </summary>
      <table className="table compact">
        <caption className="sr-only">Workflow steps and scans</caption>
        <thead>
          <tr>
            <th scope="col">Time</th>
            <th scope="col">Event</th>
            <th scope="col">Detail</th>
          </tr>
        </thead>
        <tbody>
          {[
            ...events.map((e) => ({
              at: e.at,
              id: e.id,
              what: ACTION_LABELS[e.action] ?? e.action,
              detail: `${stateLabel(e.from_state)} → ${stateLabel(e.to_state)}${e.reason ? ` · ${e.reason}` : ''}`,
            })),
            ...scans.map((s) => ({
              at: s.at,
              id: s.id,
              what: s.result === 'match' ? 'Scan matched' : 'SCAN MISMATCH',
              detail: `${s.scanned}${s.detail ? ` · ${s.detail}` : ''}`,
            })),
            ...clarifications.map((c) => ({
              at: c.asked_at,
              id: c.id,
              what: `Clarification (${c.channel})`,
              detail: `${c.question}${c.answer ? ` → ${c.answer}` : ' (no answer yet)'}`,
            })),
          ]
            .sort((a, b) => a.at.localeCompare(b.at))
            .map((r) => (
              <tr key={r.id}>
                <td className="nowrap">{fmtDateTime(r.at)}</td>
                <td>{r.what}</td>
                <td className="break">{r.detail}</td>
              </tr>
            ))}
        </tbody>
      </table>
    </details>
  );
}
