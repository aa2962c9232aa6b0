import { describe, expect, it } from 'vitest';
import { applyTallMan, TALL_MAN_GROUPS, TALL_MAN_NAMES, tallManWord } from './tallman';

describe('tall man lettering (FDA and ISMP lists, domain-rules.md §11)', () => {
  it('rewrites listed words whatever their case and leaves the rest alone', () => {
    expect(applyTallMan('HYDROXYZINE HYDROCHLORIDE')).toBe('hydrOXYzine HYDROCHLORIDE');
    expect(applyTallMan('hydralazine')).toBe('hydrALAZINE');
    expect(applyTallMan('Oxycodone and Acetaminophen')).toBe('oxyCODONE and Acetaminophen');
    expect(applyTallMan('Lisinopril')).toBe('Lisinopril');
  });

  it('distinguishes each pair of look-alike names', () => {
    for (const g of TALL_MAN_GROUPS) {
      const withCaps = g.names.filter((n) => n !== n.toLowerCase());
      expect(new Set(withCaps.map((n) => n.toLowerCase())).size).toBe(withCaps.length);
      for (const n of withCaps) expect(tallManWord(n.toUpperCase())).toBe(n);
    }
  });

  it('holds the FDA list and the ISMP additions', () => {
    expect(TALL_MAN_GROUPS.filter((g) => g.source === 'FDA').length).toBeGreaterThanOrEqual(16);
    expect(TALL_MAN_NAMES).toContain('predniSONE');
    expect(TALL_MAN_NAMES).toContain('HumaLOG');
  });
});
