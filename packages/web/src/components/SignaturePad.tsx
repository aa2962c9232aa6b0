import { type PointerEvent, useEffect, useRef, useState } from 'react';

/**
 * Signature capture on a canvas (pointer events: pen, finger, mouse) returned as a PNG data URL. People who
 * cannot draw (keyboard, screen reader, tremor) type their full name instead (WCAG 2.1.1, 2.5.1): the typed
 * name is an equally valid signature and is sent as "typed:<name>".
 */
export function SignaturePad({
  onChange,
  label = 'Signature',
}: {
  onChange: (v: string | null) => void;
  label?: string;
}) {
  const canvas = useRef<HTMLCanvasElement>(null);
  const drawing = useRef(false);
  const [hasInk, setHasInk] = useState(false);
  const [typed, setTyped] = useState('');
  const onChangeRef = useRef(onChange);
  onChangeRef.current = onChange;

  useEffect(() => {
    const c = canvas.current;
    const ctx = c?.getContext('2d');
    if (!c || !ctx) return;
    ctx.lineWidth = 2.5;
    ctx.lineCap = 'round';
    ctx.strokeStyle = '#101820';
  }, []);

  const pos = (e: PointerEvent<HTMLCanvasElement>) => {
    const r = e.currentTarget.getBoundingClientRect();
    return {
      x: ((e.clientX - r.left) * e.currentTarget.width) / r.width,
      y: ((e.clientY - r.top) * e.currentTarget.height) / r.height,
    };
  };
  const down = (e: PointerEvent<HTMLCanvasElement>) => {
    const ctx = e.currentTarget.getContext('2d');
    if (!ctx) return;
    e.currentTarget.setPointerCapture(e.pointerId);
    drawing.current = true;
    const p = pos(e);
    ctx.beginPath();
    ctx.moveTo(p.x, p.y);
  };
  const move = (e: PointerEvent<HTMLCanvasElement>) => {
    if (!drawing.current) return;
    const ctx = e.currentTarget.getContext('2d');
    if (!ctx) return;
    const p = pos(e);
    ctx.lineTo(p.x, p.y);
    ctx.stroke();
  };
  const up = (e: PointerEvent<HTMLCanvasElement>) => {
    if (!drawing.current) return;
    drawing.current = false;
    setHasInk(true);
    setTyped('');
    onChangeRef.current(e.currentTarget.toDataURL('image/png'));
  };
  const clear = () => {
    const c = canvas.current;
    c?.getContext('2d')?.clearRect(0, 0, c.width, c.height);
    setHasInk(false);
    onChangeRef.current(typed.trim().length >= 2 ? `typed:${typed.trim()}` : null);
  };

  return (
    <fieldset className="sigpad">
      <legend>{label}</legend>
      <canvas
        ref={canvas}
        width={600}
        height={160}
        className="sigpad-canvas"
        role="img"
        aria-label={hasInk ? 'Signature drawn' : 'Signature pad: draw with a finger, pen or mouse'}
        onPointerDown={down}
        onPointerMove={move}
        onPointerUp={up}
        onPointerCancel={up}
        data-testid="signature-canvas"
      />
      <div className="sigpad-row">
        <button type="button" className="btn btn-ghost" onClick={clear} disabled={!hasInk}>
          Clear signature
        </button>
        <span className="muted">{hasInk ? 'Signature captured.' : 'Or type your full name:'}</span>
      </div>
      <label htmlFor="typed-signature" className="sr-only">
        Typed signature (full name)
      </label>
      <input
        id="typed-signature"
        value={typed}
        disabled={hasInk}
        placeholder="Typed signature (full name)"
        onChange={(e) => {
          setTyped(e.target.value);
          onChangeRef.current(e.target.value.trim().length >= 2 ? `typed:${e.target.value.trim()}` : null);
        }}
      />
    </fieldset>
  );
}
