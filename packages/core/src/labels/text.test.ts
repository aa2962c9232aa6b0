import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { cleanText, wrapText } from './text';

describe('wrapText', () => {
  it('wraps on spaces and ends an overflowing last line with an ellipsis', () => {
    expect(wrapText('Take 1 tablet by mouth twice daily', 12, 5)).toEqual([
      'Take 1',
      'tablet by',
      'mouth twice',
      'daily',
    ]);
    expect(wrapText('Take 1 tablet by mouth twice daily', 12, 2)).toEqual(['Take 1', 'tablet by...']);
    expect(wrapText('ABCDEFGHIJ', 4, 5)).toEqual(['ABCD', 'EFGH', 'IJ']);
  });

  it('turns control characters into spaces', () => {
    expect(cleanText('a\r\nb\tc\u0000d\u2028e')).toBe('a b c d e');
    expect(cleanText('abc\u202Edef\u2066')).toBe('abcdef');
    expect(cleanText('x\uD800y\uDC00')).toBe('x\uFFFDy\uFFFD');
    expect(cleanText('😀')).toBe('😀');
  });

  it('never exceeds the width or line count, and keeps all text when it fits (property)', () => {
    fc.assert(
      fc.property(
        fc.string({ unit: 'grapheme', maxLength: 300 }),
        fc.integer({ min: 1, max: 40 }),
        fc.integer({ min: 1, max: 6 }),
        (s, w, n) => {
          const lines = wrapText(s, w, n);
          expect(lines.length).toBeLessThanOrEqual(n);
          for (const l of lines) expect(Array.from(l).length).toBeLessThanOrEqual(w);
          const all = wrapText(s, w, Number.MAX_SAFE_INTEGER);
          // Nothing is lost when it fits; the wrapped lines hold every non-space character in order.
          if (all.length <= n) expect(lines).toEqual(all);
          expect(all.join('').replace(/ /g, '')).toBe(cleanText(s).replace(/ /g, ''));
        },
      ),
    );
  });
});
