// Peer comparison for diversion surveillance: each user's rate against the other users at the same site.

export interface OutlierScore {
  key: string;
  value: number;
  z: number | null;
  /** Iglewicz & Hoaglin modified z-score (median/MAD); null when MAD is 0. */
  robustZ: number | null;
  outlier: boolean;
}

const median = (xs: number[]): number => {
  const s = [...xs].sort((a, b) => a - b);
  const m = s.length >> 1;
  return s.length % 2 ? (s[m] ?? 0) : ((s[m - 1] ?? 0) + (s[m] ?? 0)) / 2;
};

/**
 * Classic z = (x − mean)/sd (population sd), and the robust modified z-score of Iglewicz & Hoaglin,
 * "How to Detect and Handle Outliers", ASQC Basic References in Quality Control vol. 16 (1993):
 * M = 0.6745 (x − median) / MAD, outlier when |M| > 3.5. The robust score is used for the flag because one
 * diverting user inflates the mean and sd enough to hide themselves in a small peer group (masking).
 * When the MAD is 0 (over half the peers identical) the mean absolute deviation is used instead,
 * M = (x − median) / (1.253314 · meanAD) (the usual fallback, e.g. IBM SPSS "modified z-score"; 1.253314 ≈ √(π/2)
 * makes meanAD estimate σ for normal data). The classic z is reported but never flags: with n peers it cannot
 * exceed (n − 1)/√n, so in a pharmacy of six users it can never reach 3.
 */
export function scoreOutliers(
  values: ReadonlyArray<{ key: string; value: number }>,
  opts: { robustCut?: number; minPeers?: number } = {},
): OutlierScore[] {
  const robustCut = opts.robustCut ?? 3.5;
  // Rates are small numbers; clamping keeps sums of squares finite for any input (no Infinity/NaN).
  const clamp = (x: number) => (Number.isFinite(x) ? Math.max(-1e12, Math.min(1e12, x)) : 0);
  const clean = values.map((v) => ({ key: v.key, value: clamp(v.value) }));
  const xs = clean.map((v) => v.value);
  const n = xs.length;
  if (n < (opts.minPeers ?? 3)) return clean.map((v) => ({ ...v, z: null, robustZ: null, outlier: false }));
  const mean = xs.reduce((a, b) => a + b, 0) / n;
  const sd = Math.sqrt(xs.reduce((a, b) => a + (b - mean) ** 2, 0) / n);
  const med = median(xs);
  const mad = median(xs.map((x) => Math.abs(x - med)));
  const meanAd = xs.reduce((a, x) => a + Math.abs(x - med), 0) / n;
  return clean.map(({ key, value }) => {
    // Spreads below 1e-12 are rounding noise (and denormals would divide to Infinity): treat them as 0.
    const z = sd > 1e-12 ? (value - mean) / sd : null;
    const robustZ =
      mad > 1e-12
        ? (0.6745 * (value - med)) / mad
        : meanAd > 1e-12
          ? (value - med) / (1.253314 * meanAd)
          : null;
    const outlier = robustZ !== null && Math.abs(robustZ) > robustCut;
    return { key, value, z, robustZ, outlier };
  });
}
