import { expect } from "chai";
import type { OutageInput } from "../../../../emulator";
import type { Answer, FailbackEvent, FailoverClient, FailoverEvent } from "../../../../runtime";
import type { TestBed } from "../../emulator/support/test-bed";
import { testBreaker } from "./failover-bed";

/** One client and what to ask it, with the part of an answer that must be the same in both regions. */
export interface Probe<Input> {
    readonly name: string;
    readonly client: FailoverClient;
    readonly inputs: readonly Input[];
    ask(input: Input): Promise<Answer<unknown>>;
    /** The answer without what differs by when it was computed (e.g. a text job's completion time). */
    comparable(result: unknown): unknown;
    /** The breaker threshold the client was made with. */
    readonly failureThreshold: number;
}

/** How long the failback loop waits between requests. */
const paceMs = 20;

/**
 * Takes the primary down in the given way and checks, for every probe: the first N requests are
 * answered by the secondary after the primary failed, the breaker opens on the N-th (a failover
 * event) and request N+1 goes to the secondary without asking the primary; every answer equals
 * what the primary answered for the same input; no call fails. Then brings the primary back and
 * checks that each client fails back within one probe interval (plus the probing request itself).
 */
export async function drillOutage(bed: TestBed, outage: OutageInput, probes: readonly Probe<unknown>[]): Promise<void> {
    const baseline = new Map<Probe<unknown>, unknown[]>();
    const failovers = new Map<Probe<unknown>, FailoverEvent[]>();
    const failbacks = new Map<Probe<unknown>, FailbackEvent[]>();
    for (const probe of probes) {
        const answers: unknown[] = [];
        for (const input of probe.inputs) {
            const answer = await probe.ask(input);
            expect(answer.region, `${probe.name} before the outage`).to.equal("primary");
            answers.push(probe.comparable(answer.result));
        }
        baseline.set(probe, answers);
        failovers.set(probe, []);
        failbacks.set(probe, []);
        probe.client.events.on("failover", (event) => failovers.get(probe)!.push(event));
        probe.client.events.on("failback", (event) => failbacks.get(probe)!.push(event));
    }

    await bed.admin.startOutage("primary", outage);
    try {
        for (const probe of probes) {
            const what = `${probe.name} (${outage.mode})`;
            for (let request = 1; request <= probe.failureThreshold; request++) {
                const answer = await probe.ask(probe.inputs[0]);
                expect(answer.region, `${what}: request ${request}`).to.equal("secondary");
                expect(answer.primaryFailure, `${what}: request ${request} asked the primary first`).to.not.equal(
                    undefined,
                );
                expect(failovers.get(probe), `${what}: failovers after request ${request}`).to.have.length(
                    request === probe.failureThreshold ? 1 : 0,
                );
            }
            const next = await probe.ask(probe.inputs[0]);
            expect(next.region, `${what}: request N+1`).to.equal("secondary");
            expect(next.primaryFailure, `${what}: request N+1 did not ask the primary`).to.equal(undefined);
            expect(probe.client.counters().regionFailures.primary, what).to.equal(probe.failureThreshold);
            const answers: unknown[] = [];
            for (const input of probe.inputs) {
                const answer = await probe.ask(input);
                expect(answer.region, what).to.equal("secondary");
                answers.push(probe.comparable(answer.result));
            }
            expect(answers, `${what}: the secondary answers as the primary did`).to.deep.equal(baseline.get(probe));
        }
    } finally {
        await bed.admin.endOutage("primary");
    }
    const recoveredAt = Date.now();

    for (const probe of probes) {
        let back: Answer<unknown> | undefined;
        for (let request = 0; request < 100 && back === undefined; request++) {
            const answer = await probe.ask(probe.inputs[0]);
            if (answer.region === "primary") back = answer;
            else await new Promise((resolve) => setTimeout(resolve, paceMs));
        }
        const what = `${probe.name} (${outage.mode})`;
        expect(back, `${what}: failed back`).to.not.equal(undefined);
        const [failback] = failbacks.get(probe)!;
        expect(failback, `${what}: failback event`).to.not.equal(undefined);
        expect(failback!.at.getTime() - recoveredAt, `${what}: time to fail back`).to.be.at.most(
            testBreaker.halfOpenAfterMs + paceMs + back!.durationMs + 100,
        );
        expect(probe.client.counters(), what).to.deep.include({
            failed: 0,
            failovers: 1,
            failbacks: 1,
            routingTo: "primary",
        });
    }
}
