// The statistics of an experiment (a `split`'s branches, a `send`'s variants): each arm's conversion
// rate with a Wilson 95% interval, the pooled two-proportion z test, and the lift over a holdout.
//
// Minimum sample (when a winner may be declared): every compared arm has at least
// MIN_CONTACTS contacts, and the normal approximation the z test rests on holds — each arm's expected
// conversions and non-conversions under the pooled rate are at least MIN_EXPECTED (the textbook
// "success–failure condition", n·p̂ ≥ 5 and n·(1 − p̂) ≥ 5).

/** Contacts an arm needs before it can win or lose. */
export const MIN_CONTACTS = 100;
/** Expected conversions (and non-conversions) per arm under the pooled rate. */
export const MIN_EXPECTED = 5;
/** A winner needs p below this (two-sided, Bonferroni-adjusted over the arms it beats). */
export const ALPHA = 0.05;
/** The standard normal quantile of 97.5%: a two-sided 95% interval. */
const Z95 = 1.959963984540054;

export interface Arm {
  contacts: number;
  converted: number;
}

export type Interval = [number, number];

/** erfc(x), after Numerical Recipes' Chebyshev fit: relative error below 1.2e-7 everywhere. */
function erfc(x: number): number {
  const z = Math.abs(x);
  const t = 1 / (1 + 0.5 * z);
  const r =
    t *
    Math.exp(
      -z * z -
        1.26551223 +
        t *
          (1.00002368 +
            t *
              (0.37409196 +
                t *
                  (0.09678418 +
                    t *
                      (-0.18628806 +
                        t *
                          (0.27886807 +
                            t * (-1.13520398 + t * (1.48851587 + t * (-0.82215223 + t * 0.17087277)))))))),
    );
  return x >= 0 ? r : 2 - r;
}

/** P(|Z| ≥ |z|) for a standard normal Z. */
export const twoSidedP = (z: number): number => Math.min(1, erfc(Math.abs(z) / Math.SQRT2));

export const rateOf = (arm: Arm): number => (arm.contacts > 0 ? arm.converted / arm.contacts : 0);

/** Wilson score interval of one proportion; [0, 1] when there is no data. */
export function wilson(arm: Arm, z = Z95): Interval {
  const n = arm.contacts;
  if (n <= 0) return [0, 1];
  const p = arm.converted / n;
  const z2 = z * z;
  const denominator = 1 + z2 / n;
  const center = (p + z2 / (2 * n)) / denominator;
  const half = (z * Math.sqrt((p * (1 - p)) / n + z2 / (4 * n * n))) / denominator;
  return [Math.max(0, center - half), Math.min(1, center + half)];
}

/** Pooled two-proportion z test, two-sided; null when it is undefined (an empty arm, or no variance). */
export function twoProportionTest(a: Arm, b: Arm): { z: number; pValue: number } | null {
  if (a.contacts <= 0 || b.contacts <= 0) return null;
  const pooled = (a.converted + b.converted) / (a.contacts + b.contacts);
  const se = Math.sqrt(pooled * (1 - pooled) * (1 / a.contacts + 1 / b.contacts));
  if (se === 0) return null;
  const z = (rateOf(a) - rateOf(b)) / se;
  return { z, pValue: twoSidedP(z) };
}

/** Whether a comparison of `a` with `b` rests on enough contacts (the rule in the header). */
export function enoughSample(a: Arm, b: Arm): boolean {
  const total = a.contacts + b.contacts;
  if (a.contacts < MIN_CONTACTS || b.contacts < MIN_CONTACTS) return false;
  const pooled = (a.converted + b.converted) / total;
  return [a, b].every(
    (arm) => arm.contacts * pooled >= MIN_EXPECTED && arm.contacts * (1 - pooled) >= MIN_EXPECTED,
  );
}

/**
 * Difference of two rates (a − b) with Newcombe's hybrid score interval (his method 10, built from the
 * two Wilson intervals), and the relative lift (a − b) / b when b converts at all.
 */
export function lift(a: Arm, b: Arm): { diff: number; ci95: Interval; relative: number | null } {
  const [p1, p2] = [rateOf(a), rateOf(b)];
  const [l1, u1] = wilson(a);
  const [l2, u2] = wilson(b);
  const diff = p1 - p2;
  return {
    diff,
    ci95: [diff - Math.hypot(p1 - l1, u2 - p2), diff + Math.hypot(u1 - p1, p2 - l2)],
    relative: p2 > 0 ? diff / p2 : null,
  };
}

export interface ArmResult extends Arm {
  rate: number;
  ci95: Interval;
  /** Against the leading arm (null for the leader itself, or when the test is undefined). */
  pValue: number | null;
}

export interface ExperimentResult {
  arms: ArmResult[];
  /** The leading arm's worst adjusted p against any other arm with data; null with fewer than 2 such arms. */
  pValue: number | null;
  /** Index of the arm that wins: leading, significant against every other arm, on enough sample. */
  winner: number | null;
}

/**
 * Compares the arms: the leader (highest rate) is tested against each other arm with contacts; it wins
 * when every test is significant after a Bonferroni correction and every comparison has enough sample.
 */
export function compareArms(arms: readonly Arm[]): ExperimentResult {
  const withData = arms.map((arm, i) => ({ arm, i })).filter(({ arm }) => arm.contacts > 0);
  const leader = withData.reduce<number | null>(
    (best, { arm, i }) => (best === null || rateOf(arm) > rateOf(arms[best]!) ? i : best),
    null,
  );
  const results: ArmResult[] = arms.map((arm, i) => ({
    ...arm,
    rate: rateOf(arm),
    ci95: wilson(arm),
    pValue: leader === null || i === leader ? null : (twoProportionTest(arms[leader]!, arm)?.pValue ?? null),
  }));
  const others = withData.filter(({ i }) => i !== leader);
  if (leader === null || others.length === 0) return { arms: results, pValue: null, winner: null };
  const adjusted = others.map(({ i }) => Math.min(1, (results[i]!.pValue ?? 1) * others.length));
  const pValue = Math.max(...adjusted);
  const sampled = others.every(({ arm }) => enoughSample(arms[leader]!, arm));
  const winner = pValue < ALPHA && sampled ? leader : null;
  return { arms: results, pValue, winner };
}
