import { type KeyboardEvent, type ReactNode, useEffect, useId, useRef, useState } from 'react';
import { ApiError } from '../api/client';

interface Props<T> {
  label: string;
  placeholder?: string;
  hint?: ReactNode;
  error?: string | undefined;
  required?: boolean;
  minChars?: number;
  search: (q: string, signal: AbortSignal) => Promise<T[]>;
  optionKey: (item: T) => string;
  renderOption: (item: T) => ReactNode;
  onSelect: (item: T) => void;
  /** Shown under the list when nothing matched (e.g. a "create new" button). */
  empty?: (q: string) => ReactNode;
  autoFocus?: boolean;
  inputClassName?: string;
}

/**
 * Type-ahead following the WAI-ARIA 1.2 combobox pattern (list autocomplete): focus stays in the input,
 * arrows move the active option (aria-activedescendant), Enter picks it, Escape closes the list.
 */
export function Combobox<T>({
  label,
  placeholder,
  hint,
  error,
  required,
  minChars = 2,
  search,
  optionKey,
  renderOption,
  onSelect,
  empty,
  autoFocus,
  inputClassName,
}: Props<T>) {
  const id = useId();
  const listId = `${id}-list`;
  const [q, setQ] = useState('');
  const [items, setItems] = useState<T[]>([]);
  const [open, setOpen] = useState(false);
  const [active, setActive] = useState(-1);
  const [busy, setBusy] = useState(false);
  const [failure, setFailure] = useState<string>();
  const searchRef = useRef(search);
  searchRef.current = search;

  useEffect(() => {
    const term = q.trim();
    if (term.length < minChars) {
      setItems([]);
      setBusy(false);
      return;
    }
    const ctl = new AbortController();
    setBusy(true);
    const t = window.setTimeout(() => {
      searchRef.current(term, ctl.signal).then(
        (r) => {
          if (ctl.signal.aborted) return;
          setItems(r);
          setActive(r.length ? 0 : -1);
          setBusy(false);
          setFailure(undefined);
        },
        (e: unknown) => {
          if (ctl.signal.aborted) return;
          setBusy(false);
          setFailure(e instanceof ApiError ? e.detail : String(e));
        },
      );
    }, 200);
    return () => {
      ctl.abort();
      window.clearTimeout(t);
    };
  }, [q, minChars]);

  const pick = (item: T) => {
    onSelect(item);
    setOpen(false);
    setQ('');
    setItems([]);
  };

  const onKey = (e: KeyboardEvent<HTMLInputElement>) => {
    if (e.key === 'ArrowDown') {
      e.preventDefault();
      setOpen(true);
      setActive((a) => Math.min(items.length - 1, a + 1));
    } else if (e.key === 'ArrowUp') {
      e.preventDefault();
      setActive((a) => Math.max(0, a - 1));
    } else if (e.key === 'Enter') {
      const item = items[active];
      if (open && item) {
        e.preventDefault();
        pick(item);
      }
    } else if (e.key === 'Escape') {
      setOpen(false);
    }
  };

  const showList = open && q.trim().length >= minChars;
  const activeItem = items[active];
  const hintId = hint ? `${id}-hint` : undefined;
  const errId = error ? `${id}-err` : undefined;
  return (
    <div className={`field combobox${error ? ' field-invalid' : ''}`}>
      <label htmlFor={id} className={required ? 'required' : undefined}>
        {label}
      </label>
      <input
        id={id}
        className={inputClassName}
        type="text"
        role="combobox"
        aria-autocomplete="list"
        aria-expanded={showList}
        aria-controls={listId}
        aria-activedescendant={showList && activeItem ? `${id}-opt-${optionKey(activeItem)}` : undefined}
        aria-describedby={[hintId, errId].filter(Boolean).join(' ') || undefined}
        aria-invalid={Boolean(error)}
        autoComplete="off"
        // biome-ignore lint/a11y/noAutofocus: the page's first task is this look-up
        autoFocus={autoFocus}
        value={q}
        placeholder={placeholder}
        onChange={(e) => {
          setQ(e.target.value);
          setOpen(true);
        }}
        onKeyDown={onKey}
        onBlur={() => window.setTimeout(() => setOpen(false), 150)}
        onFocus={() => setOpen(true)}
      />
      {hint ? (
        <p className="hint" id={hintId}>
          {hint}
        </p>
      ) : null}
      {error ? (
        <p className="field-error" id={errId}>
          {error}
        </p>
      ) : null}
      <div className="combobox-popup" hidden={!showList}>
        <div
          id={listId}
          role="listbox"
          aria-label={`${label} results`}
          className="combobox-list"
          hidden={items.length === 0}
        >
          {items.map((item, i) => (
            // biome-ignore lint/a11y/useFocusableInteractive: options are reached through aria-activedescendant; focus stays in the input
            <div
              key={optionKey(item)}
              id={`${id}-opt-${optionKey(item)}`}
              role="option"
              aria-selected={i === active}
              className={i === active ? 'active' : undefined}
              onMouseDown={(e) => {
                e.preventDefault();
                pick(item);
              }}
              onMouseEnter={() => setActive(i)}
            >
              {renderOption(item)}
            </div>
          ))}
        </div>
        {busy ? <p className="combobox-note">Searching…</p> : null}
        {failure ? <p className="combobox-note field-error">{failure}</p> : null}
        {!busy && !failure && items.length === 0 ? (
          <div className="combobox-note">{empty ? empty(q.trim()) : `Nothing matches “${q.trim()}”.`}</div>
        ) : null}
      </div>
    </div>
  );
}
