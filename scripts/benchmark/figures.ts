/** One measured figure beside its target. */
export interface Figure {
    /** P1 to P5. */
    id: string;
    what: string;
    /** The figure, with what it was computed from. */
    measured: string;
    target: string;
    met: boolean;
    /** A figure that explains another and has no target of its own. */
    informational?: boolean;
}

/** A figure that is a ratio against an upper bound. */
export function ratioFigure(id: string, what: string, ratio: number, bound: number, from: string): Figure {
    return {
        id,
        what,
        measured: `${ratio.toFixed(2)} (${from})`,
        target: `<= ${bound.toFixed(2)}`,
        met: ratio <= bound,
    };
}

/** A figure that is a count that must be exactly (or at most) a number. */
export function countFigure(id: string, what: string, counted: number, expected: number, atMost = false): Figure {
    return {
        id,
        what,
        measured: String(counted),
        target: atMost ? `<= ${expected}` : `${expected}`,
        met: atMost ? counted <= expected : counted === expected,
    };
}

/** A ratio shown beside the figures it explains, with no target of its own. */
export function infoFigure(id: string, what: string, ratio: number, from: string): Figure {
    return { id, what, measured: `${ratio.toFixed(2)} (${from})`, target: "none", met: true, informational: true };
}

export const seconds = (ms: number) => `${(ms / 1000).toFixed(1)} s`;

/** The figures as a table, one line each: id, what, measured, target, and whether it is met. */
export function renderFigures(figures: readonly Figure[]): string {
    const width = (pick: (figure: Figure) => string) => Math.max(...figures.map((figure) => pick(figure).length));
    const [whatWidth, targetWidth] = [width((f) => f.what), width((f) => f.target)];
    return figures
        .map(
            (figure) =>
                `${figure.id}  ${figure.what.padEnd(whatWidth)}  target ${figure.target.padEnd(targetWidth)}  ` +
                `${figure.informational ? "info  " : figure.met ? "met   " : "MISSED"}  ${figure.measured}`,
        )
        .join("\n");
}
