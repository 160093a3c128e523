/** A rule with its id and how many more uses it will hit. */
export type Counted<Rule> = Rule & { readonly id: number; remaining: number };

/**
 * Rules an admin call injects, each hitting the next `times` uses it matches (the first rule that
 * matches is taken), then retiring: faults for requests, quality rules for trainings.
 */
export class CountedRules<Rule> {
    private rules: Counted<Rule>[] = [];
    private nextId = 1;

    /** `timesOf` says how many uses a rule hits. */
    constructor(private readonly timesOf: (rule: Rule) => number) {}

    add(rule: Rule): Counted<Rule> {
        const counted: Counted<Rule> = { ...rule, id: this.nextId++, remaining: this.timesOf(rule) };
        this.rules.push(counted);
        return counted;
    }

    list(): readonly Counted<Rule>[] {
        return this.rules;
    }

    clear(): void {
        this.rules = [];
    }

    /** Consumes one use of the first rule that matches, if any. */
    take(matches: (rule: Rule) => boolean): Rule | undefined {
        const match = this.rules.find((rule) => rule.remaining > 0 && matches(rule));
        if (match === undefined) return undefined;
        match.remaining -= 1;
        if (match.remaining === 0) this.rules = this.rules.filter((rule) => rule !== match);
        return match;
    }
}
