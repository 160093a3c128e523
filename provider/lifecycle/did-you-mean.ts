/**
 * The option a misspelt name most likely meant: the closest by edit distance, ignoring case,
 * when it is close (at most 2 edits, or a third of the name), or an option the name contains or
 * is contained in (`apiKey` -> `key`, `timeout` -> `timeoutMinutes`). Undefined when none is close.
 */
export function closestOption(name: string, options: readonly string[]): string | undefined {
    const wanted = name.toLowerCase();
    let best: { option: string; distance: number } | undefined;
    for (const option of options) {
        const distance = editDistance(wanted, option.toLowerCase());
        if (!best || distance < best.distance) best = { option, distance };
    }
    if (best && best.distance <= Math.max(2, Math.floor(wanted.length / 3))) return best.option;
    return options.find((option) => {
        const candidate = option.toLowerCase();
        const [shorter, longer] = candidate.length < wanted.length ? [candidate, wanted] : [wanted, candidate];
        return shorter.length >= 3 && longer.includes(shorter);
    });
}

/** Levenshtein distance: insertions, deletions and substitutions, one row at a time. */
function editDistance(a: string, b: string): number {
    let previous = Array.from({ length: b.length + 1 }, (_, index) => index);
    for (let i = 1; i <= a.length; i++) {
        const current = [i];
        for (let j = 1; j <= b.length; j++) {
            const substitution = previous[j - 1]! + (a[i - 1] === b[j - 1] ? 0 : 1);
            current.push(Math.min(previous[j]! + 1, current[j - 1]! + 1, substitution));
        }
        previous = current;
    }
    return previous[b.length]!;
}
