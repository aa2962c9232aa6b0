import { type FormEvent, useEffect, useRef, useState } from 'react';
import { ApiError, api } from '../api/client';
import { type Loaded, useApi } from '../api/useApi';
import { Badge, Empty, ErrorBanner, Field, fmtDateTime, Loading } from '../components/ui';
import './notes.css';

/** Mirrors NOTE_CATEGORIES of the server (modules/patient-notes/schema.ts). */
export const NOTE_CATEGORY_LABELS: Record<string, string> = {
  general: 'General',
  clinical: 'Clinical',
  allergy_history: 'Allergy history',
  billing: 'Billing',
  delivery: 'Delivery / pickup',
  counseling: 'Counseling',
};
const MAX = 4000;

interface Author {
  id: string;
  name: string;
}
export interface PatientNote {
  id: string;
  category: string;
  text: string;
  pinned: boolean;
  supersedesId: string | null;
  author: Author;
  createdAt: string;
  active: boolean;
  supersededBy: { id: string; author: Author; createdAt: string } | null;
}

/** The patient's notes (GET is audited like the record: load once per patient, not on every refresh). */
export function usePatientNotes(patientId: string | null | undefined): Loaded<PatientNote[]> {
  return useApi(
    async (signal) =>
      patientId
        ? (
            await api.get<{ items: PatientNote[] }>(
              `/api/patients/${encodeURIComponent(patientId)}/notes`,
              undefined,
              signal,
            )
          ).items
        : [],
    [patientId],
  );
}

const categoryLabel = (c: string) => NOTE_CATEGORY_LABELS[c] ?? c;

/** Active pinned notes as a banner: on the profile and in the fill page header, where the counter looks. */
export function PinnedNotes({ notes }: { notes: PatientNote[] | undefined }) {
  const pinned = (notes ?? []).filter((n) => n.active && n.pinned);
  if (!pinned.length) return null;
  return (
    <section className="banner banner-warn pinned-notes" aria-labelledby="pinned-notes-h">
      <h2 id="pinned-notes-h">Pinned {pinned.length === 1 ? 'note' : `notes (${pinned.length})`}</h2>
      <ul>
        {pinned.map((n) => (
          <li key={n.id}>
            <strong>{categoryLabel(n.category)}:</strong> <span className="note-text">{n.text}</span>{' '}
            <span className="pinned-by">
              — {n.author.name}, {fmtDateTime(n.createdAt)}
            </span>
          </li>
        ))}
      </ul>
    </section>
  );
}

/** Fill page: loads the patient's notes and shows the pinned ones (nothing when there are none or on error). */
export function PatientPinnedNotes({ patientId }: { patientId: string }) {
  const { data } = usePatientNotes(patientId);
  return <PinnedNotes notes={data} />;
}

function NoteForm({
  patientId,
  correcting,
  onSaved,
  onCancel,
}: {
  patientId: string;
  correcting: PatientNote | null;
  onSaved: () => void;
  onCancel: () => void;
}) {
  const [category, setCategory] = useState(correcting?.category ?? 'general');
  const [text, setText] = useState(correcting?.text ?? '');
  const [pinned, setPinned] = useState(correcting?.pinned ?? false);
  const [failure, setFailure] = useState<ApiError>();
  const [busy, setBusy] = useState(false);
  const textRef = useRef<HTMLTextAreaElement>(null);
  useEffect(() => textRef.current?.focus(), []);
  const length = text.trim().length;
  const tooLong = length > MAX;

  async function submit(e: FormEvent) {
    e.preventDefault();
    if (tooLong) return;
    setBusy(true);
    setFailure(undefined);
    try {
      await api.post(`/api/patients/${encodeURIComponent(patientId)}/notes`, {
        category,
        text,
        pinned,
        ...(correcting ? { supersedesId: correcting.id } : {}),
      });
      onSaved();
    } catch (err) {
      setFailure(err instanceof ApiError ? err : new ApiError(0, 'client_error', String(err)));
    } finally {
      setBusy(false);
    }
  }

  const title = correcting
    ? `Correct the note of ${fmtDateTime(correcting.createdAt)} by ${correcting.author.name}`
    : 'New note';
  return (
    <form className="note-form" onSubmit={submit} aria-label={title}>
      <h3>{title}</h3>
      {correcting ? (
        <p className="hint">
          The original stays in the record, struck through and marked as corrected by you. Notes are never
          edited or deleted.
        </p>
      ) : null}
      {failure && (!failure.errors.length || failure.fieldError('supersedesId')) ? (
        <ErrorBanner error={failure} />
      ) : null}
      <Field label="Category" required error={failure?.fieldError('category')}>
        {(p) => (
          <select {...p} value={category} onChange={(e) => setCategory(e.target.value)}>
            {Object.entries(NOTE_CATEGORY_LABELS).map(([value, label]) => (
              <option key={value} value={value}>
                {label}
              </option>
            ))}
          </select>
        )}
      </Field>
      <Field
        label="Note"
        required
        error={tooLong ? `must be at most ${MAX} characters` : failure?.fieldError('text')}
        hint={
          <span className={tooLong ? 'note-count over' : 'note-count'} data-testid="note-count">
            {length} / {MAX} characters
          </span>
        }
      >
        {(p) => (
          <textarea {...p} ref={textRef} rows={4} value={text} onChange={(e) => setText(e.target.value)} />
        )}
      </Field>
      <label className="check">
        <input type="checkbox" checked={pinned} onChange={(e) => setPinned(e.target.checked)} /> Pin as an
        alert (shown on the profile and on this patient’s prescriptions)
      </label>
      <div className="form-actions">
        <button type="submit" className="btn btn-primary" disabled={busy || tooLong || length === 0}>
          {correcting ? 'Save correction' : 'Add note'}
        </button>
        <button type="button" className="btn btn-secondary" onClick={onCancel}>
          Cancel
        </button>
      </div>
    </form>
  );
}

function NoteItem({
  note,
  corrects,
  canWrite,
  onCorrect,
}: {
  note: PatientNote;
  corrects: PatientNote | undefined;
  canWrite: boolean;
  onCorrect: () => void;
}) {
  const when = fmtDateTime(note.createdAt);
  return (
    <li className={note.active ? 'note' : 'note note-superseded'} data-testid="note">
      <div className="note-meta">
        <Badge tone="info">{categoryLabel(note.category)}</Badge>
        {note.pinned ? (
          note.active ? (
            <Badge tone="warn">Pinned</Badge>
          ) : (
            <Badge tone="neutral">Was pinned</Badge>
          )
        ) : null}
        <span>{note.author.name}</span>
        <span className="muted">
          <time dateTime={note.createdAt}>{when}</time>
        </span>
        {canWrite && note.active ? (
          <button type="button" className="btn-link note-correct" onClick={onCorrect}>
            Correct<span className="sr-only"> the note of {when}</span>
          </button>
        ) : null}
      </div>
      {note.active ? (
        <p className="note-text">{note.text}</p>
      ) : (
        <p className="note-text">
          <del>{note.text}</del>
        </p>
      )}
      {note.supersededBy ? (
        <p className="note-corrected">
          Corrected by {note.supersededBy.author.name} on{' '}
          <time dateTime={note.supersededBy.createdAt}>{fmtDateTime(note.supersededBy.createdAt)}</time>
        </p>
      ) : null}
      {corrects ? <p className="hint">Correction of the note of {fmtDateTime(corrects.createdAt)}</p> : null}
    </li>
  );
}

/** The Notes section of the patient profile: the append-only list and the add / correct form. */
export function PatientNotesSection({
  patientId,
  notes,
  canWrite,
}: {
  patientId: string;
  notes: Loaded<PatientNote[]>;
  canWrite: boolean;
}) {
  const [form, setForm] = useState<{ correcting: PatientNote | null } | null>(null);
  const headingRef = useRef<HTMLHeadingElement>(null);
  const { data, error, loading, reload } = notes;
  const byId = new Map((data ?? []).map((n) => [n.id, n]));
  const active = (data ?? []).filter((n) => n.active).length;
  const close = (saved: boolean) => {
    setForm(null);
    if (saved) reload();
    headingRef.current?.focus();
  };
  return (
    <section className="card notes" aria-labelledby="notes-h">
      <div className="card-head">
        <h2 id="notes-h" ref={headingRef} tabIndex={-1}>
          Notes <span className="muted">({active})</span>
        </h2>
        {canWrite && !form ? (
          <button type="button" className="btn btn-secondary" onClick={() => setForm({ correcting: null })}>
            Add note
          </button>
        ) : null}
      </div>
      {form ? (
        <NoteForm
          key={form.correcting?.id ?? 'new'}
          patientId={patientId}
          correcting={form.correcting}
          onSaved={() => close(true)}
          onCancel={() => close(false)}
        />
      ) : null}
      {loading && !data ? <Loading label="Loading notes…" /> : null}
      {error ? <ErrorBanner error={error} title="Notes" /> : null}
      {data && !data.length ? <Empty>No notes yet.</Empty> : null}
      {data?.length ? (
        <ol className="note-list" aria-label="Notes, newest first">
          {data.map((n) => (
            <NoteItem
              key={n.id}
              note={n}
              corrects={n.supersedesId ? byId.get(n.supersedesId) : undefined}
              canWrite={canWrite}
              onCorrect={() => setForm({ correcting: n })}
            />
          ))}
        </ol>
      ) : null}
    </section>
  );
}
