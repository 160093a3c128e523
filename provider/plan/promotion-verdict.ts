/** What a candidate must reach to be promoted; absent thresholds are not checked. */
export interface GateThresholds {
    minMicroF1?: number;
    minMacroF1?: number;
    /** The largest drop of micro or macro F1 allowed below the primary's deployed model. */
    maxDropFromPrimary?: number;
    /** The share of sampled utterances or documents on which candidate and primary must agree. */
    minAgreement?: number;
}

export interface F1Scores {
    microF1: number;
    macroF1: number;
}

/** The figures measured for a candidate. */
export interface GateFigures {
    evaluation: F1Scores;
    /** The primary's deployed model's evaluation, when a drop is limited. */
    primaryEvaluation?: F1Scores;
    /** How often the candidate answered as the primary's deployment did. */
    parity?: { sampled: number; agreed: number; rate: number };
}

export interface Verdict {
    passed: boolean;
    /** Each figure beside its threshold, e.g. `microF1 0.91 >= 0.80, parity 19/20 >= 0.90`. */
    summary: string;
}

/** The thresholds as a reviewer reads them in a plan, e.g. `microF1 >= 0.80, parity >= 0.90`. */
export function describeThresholds(gate: GateThresholds): string {
    const parts = [
        gate.minMicroF1 !== undefined && `microF1 >= ${decimal(gate.minMicroF1)}`,
        gate.minMacroF1 !== undefined && `macroF1 >= ${decimal(gate.minMacroF1)}`,
        gate.maxDropFromPrimary !== undefined &&
            `a drop below the primary's model of at most ${decimal(gate.maxDropFromPrimary)}`,
        gate.minAgreement !== undefined && `parity >= ${decimal(gate.minAgreement)}`,
    ].filter((part): part is string => typeof part === "string");
    return parts.length > 0 ? parts.join(", ") : "no thresholds: its figures are recorded";
}

/** Compares each figure with its threshold; passes when every one holds. */
export function judgeCandidate(gate: GateThresholds, figures: GateFigures): Verdict {
    const checks: { holds: boolean; text: string }[] = [];
    const atLeast = (name: string, value: number, minimum: number | undefined) => {
        if (minimum === undefined) return;
        const holds = value >= minimum;
        checks.push({ holds, text: `${name} ${compared(value, holds ? ">=" : "<", minimum)}` });
    };
    atLeast("microF1", figures.evaluation.microF1, gate.minMicroF1);
    atLeast("macroF1", figures.evaluation.macroF1, gate.minMacroF1);
    if (gate.maxDropFromPrimary !== undefined && figures.primaryEvaluation) {
        for (const metric of ["microF1", "macroF1"] as const) {
            const drop = figures.primaryEvaluation[metric] - figures.evaluation[metric];
            const holds = drop <= gate.maxDropFromPrimary;
            const primary = decimal(figures.primaryEvaluation[metric]);
            checks.push({
                holds,
                text: `${metric} drop ${compared(Math.max(0, drop), holds ? "<=" : ">", gate.maxDropFromPrimary)} (primary ${primary})`,
            });
        }
    }
    if (gate.minAgreement !== undefined && figures.parity) {
        const { sampled, agreed, rate } = figures.parity;
        const holds = sampled > 0 && rate >= gate.minAgreement;
        checks.push({
            holds,
            text: `parity ${agreed}/${sampled} ${holds ? ">=" : "<"} ${decimal(gate.minAgreement)}`,
        });
    }
    if (checks.length === 0) {
        const { microF1, macroF1 } = figures.evaluation;
        return { passed: true, summary: `microF1 ${decimal(microF1)}, macroF1 ${decimal(macroF1)}, no thresholds` };
    }
    return { passed: checks.every((check) => check.holds), summary: checks.map((check) => check.text).join(", ") };
}

/** Two decimals, or four when two would show a failing comparison as equal (0.7999 < 0.80). */
function compared(value: number, operator: string, threshold: number): string {
    const digits = decimal(value) === decimal(threshold) && value !== threshold ? 4 : 2;
    return `${value.toFixed(digits)} ${operator} ${threshold.toFixed(digits)}`;
}

function decimal(value: number): string {
    return value.toFixed(2);
}
