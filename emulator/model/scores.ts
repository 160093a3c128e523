/** Seven decimals, like the evaluation figures: a score is shown, not computed with further. */
export function roundScore(score: number): number {
    return Math.round(score * 1e7) / 1e7;
}
