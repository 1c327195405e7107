// The experiment statistics against published values, and their edge cases.
import { describe, expect, it } from 'vitest';
import { compareArms, enoughSample, lift, twoProportionTest, twoSidedP, wilson } from './significance.ts';

const arm = (converted: number, contacts: number) => ({ converted, contacts });
const close = (actual: readonly number[], expected: readonly number[], digits = 4) => {
  for (const [i, value] of actual.entries()) expect(value).toBeCloseTo(expected[i]!, digits);
};

describe('Wilson interval', () => {
  // R. G. Newcombe, "Two-sided confidence intervals for the single proportion: comparison of seven
  // methods", Statistics in Medicine 17 (1998) 857–872, Table II, method 3 (score, no correction).
  it.each([
    [81, 263, 0.2553, 0.3662],
    [15, 148, 0.0624, 0.1605],
    [0, 20, 0, 0.1611],
    [1, 29, 0.0061, 0.1718],
  ])('%i/%i → %f–%f', (x, n, lo, hi) => close(wilson(arm(x, n)), [lo, hi]));

  it('is everything without contacts, and stays in [0, 1] at the extremes', () => {
    expect(wilson(arm(0, 0))).toEqual([0, 1]);
    const [lo, hi] = wilson(arm(50, 50));
    expect(hi).toBe(1);
    expect(lo).toBeGreaterThan(0.9);
  });
});

describe('two-proportion z test (pooled)', () => {
  // The Physicians' Health Study (aspirin and myocardial infarction): A. Agresti, "An Introduction
  // to Categorical Data Analysis", 2nd ed., §2.4 — 189/11034 (placebo) vs 104/11037 (aspirin),
  // Pearson X² = 25.01 = z² for the pooled test.
  it('gives the textbook chi-square of the aspirin study', () => {
    const test = twoProportionTest(arm(189, 11034), arm(104, 11037))!;
    expect(test.z * test.z).toBeCloseTo(25.01, 2);
    expect(test.pValue).toBeLessThan(1e-6);
  });

  it('has the normal tails right', () => {
    expect(twoSidedP(1.959963984540054)).toBeCloseTo(0.05, 6);
    expect(twoSidedP(-2.5758293035489)).toBeCloseTo(0.01, 6);
    expect(twoSidedP(0)).toBe(1);
  });

  it('is undefined for an empty arm or when nobody (or everybody) converts', () => {
    expect(twoProportionTest(arm(0, 0), arm(3, 10))).toBeNull();
    expect(twoProportionTest(arm(0, 100), arm(0, 100))).toBeNull();
    expect(twoProportionTest(arm(100, 100), arm(80, 80))).toBeNull();
  });
});

describe('lift (Newcombe hybrid score interval for a difference)', () => {
  // R. G. Newcombe, "Interval estimation for the difference between independent proportions:
  // comparison of eleven methods", Statistics in Medicine 17 (1998) 873–890, Table II, method 10.
  it.each([
    [56, 70, 48, 80, 0.0524, 0.3339],
    [9, 10, 3, 10, 0.1705, 0.809],
  ])('%i/%i − %i/%i → %f to %f', (x1, n1, x2, n2, lo, hi) =>
    close(lift(arm(x1, n1), arm(x2, n2)).ci95, [lo, hi]),
  );

  it('says how much better in relative terms, unless the holdout never converts', () => {
    expect(lift(arm(30, 100), arm(20, 100)).relative).toBeCloseTo(0.5, 10);
    expect(lift(arm(30, 100), arm(0, 100)).relative).toBeNull();
  });
});

describe('winner', () => {
  it('needs significance and the minimum sample', () => {
    // Same rates: a clear winner at 1,000 a side, not at 40 a side.
    expect(compareArms([arm(100, 1000), arm(150, 1000)]).winner).toBe(1);
    const small = compareArms([arm(4, 40), arm(6, 40)]);
    expect(small.winner).toBeNull();
    // Significant (p ≈ 0.004) but fewer than 100 contacts in an arm.
    const few = compareArms([arm(2, 90), arm(15, 90)]);
    expect(few.pValue).toBeLessThan(0.05);
    expect(few.winner).toBeNull();
    expect(enoughSample(arm(2, 90), arm(15, 90))).toBe(false);
  });

  it('does not crown a leader that is not significantly ahead', () => {
    const result = compareArms([arm(100, 1000), arm(110, 1000)]);
    expect(result.pValue).toBeGreaterThan(0.05);
    expect(result.winner).toBeNull();
    expect(result.arms[0]!.pValue).toBeCloseTo(result.pValue!, 10);
    expect(result.arms[1]!.pValue).toBeNull();
  });

  it('corrects for several arms (Bonferroni): the leader must beat each of them', () => {
    // 2 arms: p ≈ 0.03 wins; the same pair among 3 arms is adjusted to ≈ 0.06.
    const pair = [arm(100, 1000), arm(130, 1000)];
    expect(compareArms(pair).winner).toBe(1);
    const three = compareArms([...pair, arm(100, 1000)]);
    expect(three.pValue).toBeGreaterThan(0.05);
    expect(three.winner).toBeNull();
  });

  it('handles no contacts, one arm with data, nobody and everybody converting', () => {
    expect(compareArms([arm(0, 0), arm(0, 0)])).toMatchObject({ pValue: null, winner: null });
    const one = compareArms([arm(10, 200), arm(0, 0)]);
    expect(one).toMatchObject({ pValue: null, winner: null });
    expect(one.arms[1]).toMatchObject({ rate: 0, ci95: [0, 1], pValue: null });
    expect(compareArms([arm(0, 500), arm(0, 500)]).winner).toBeNull();
    expect(compareArms([arm(500, 500), arm(500, 500)]).winner).toBeNull();
    // A weight-0 branch with nobody in it does not stop the others from having a winner.
    expect(compareArms([arm(100, 1000), arm(0, 0), arm(200, 1000)]).winner).toBe(2);
  });
});
