import { expect } from "chai";
import type { AuthoringClient } from "../../../provider/client/authoring-client";
import { LanguageApiError } from "../../../provider/client/language-api-error";
import { measureCandidate } from "../../../provider/lifecycle/measure-candidate";
import type { ReplicaState } from "../../../provider/lifecycle/replica-state";
import type { StepRun } from "../../../provider/lifecycle/step-run";
import { checkedInputsFor } from "../../support/checked-inputs";
import { FakeClock } from "../../support/fake-clock";
import { failureOf } from "../../support/failure-of";

const summary = (microF1: number) => {
    const metrics = { microF1, macroF1: microF1, microPrecision: 0, microRecall: 0, macroPrecision: 0, macroRecall: 0 };
    return { intentsEvaluation: { ...metrics, intents: {} }, entitiesEvaluation: { ...metrics, entities: {} } };
};

/** A resource whose models score `microF1` (after `pendingPolls` 404s), recording what it is asked. */
function resource(name: string, microF1: number, pendingPolls = 0) {
    const asked: string[] = [];
    let polls = 0;
    const client = {
        transport: { resourceLabel: `127.0.0.1:9/${name}` },
        getEvaluationSummary: async (_project: string, label: string) => {
            asked.push(`evaluation ${label}`);
            if (polls++ < pendingPolls) {
                throw new LanguageApiError({
                    operation: "test",
                    resource: name,
                    status: 404,
                    code: "NotFound",
                    serviceMessage: "not yet",
                    innerCodes: [],
                    isRetryable: false,
                });
            }
            return summary(microF1);
        },
        getDeployment: async (_project: string, deployment: string) => (
            asked.push(`deployment ${deployment}`),
            { deploymentName: deployment, modelId: "served-id" }
        ),
        listModels: async () => [{ label: "served", modelId: "served-id" }],
    };
    return { client: client as unknown as AuthoringClient, asked };
}

/** A run whose gate may take `gateMs`; every other step has a minute. */
function stepRun(
    promotion: Record<string, unknown>,
    primary: AuthoringClient,
    secondary: AuthoringClient,
    gateMs = 60_000,
) {
    const clock = new FakeClock();
    const run: StepRun = {
        inputs: checkedInputsFor({ promotion }),
        state: {} as ReplicaState,
        primary,
        secondary,
        runtime: () => expect.fail("no parity probe in these tests"),
        context: (step) => ({
            clock,
            polling: { firstMs: 10, intervalMs: 10, maxMs: 10 },
            deadline: clock.now() + (step === "gate" ? gateMs : 60_000),
            log: () => {},
            progress: () => {},
        }),
        warn: () => {},
        completed: [],
    };
    return run;
}

describe("measure candidate", () => {
    it("measures only the candidate's evaluation when the gate limits nothing else", async () => {
        const primary = resource("primary", 0.95);
        const secondary = resource("secondary", 0.9);
        const figures = await measureCandidate(
            stepRun({ minMicroF1: 0.8 }, primary.client, secondary.client),
            "prod-c",
            "prod-staging",
        );
        expect(figures).to.deep.equal({ evaluation: { microF1: 0.9, macroF1: 0.9 }, disagreements: [] });
        expect(secondary.asked).to.deep.equal(["evaluation prod-c"]);
        expect(primary.asked).to.deep.equal([]);
    });

    it("measures the primary's deployed model too when the drop from it is limited", async () => {
        const primary = resource("primary", 0.95);
        const secondary = resource("secondary", 0.9);
        const run = stepRun({ maxDropFromPrimary: 0.02 }, primary.client, secondary.client);
        const figures = await measureCandidate(run, "prod-c", "prod-staging");
        expect(figures.primaryEvaluation).to.deep.equal({ microF1: 0.95, macroF1: 0.95 });
        expect(primary.asked).to.deep.equal(["deployment prod", "evaluation served"]);
    });

    it("waits for the candidate's evaluation no longer than the gate's time", async () => {
        const primary = resource("primary", 0.95);
        const secondary = resource("secondary", 0.9, 100);
        const run = stepRun({ minMicroF1: 0.8 }, primary.client, secondary.client, 30);
        const failure = (await failureOf(measureCandidate(run, "prod-c", "prod-staging"))) as Error;
        expect(failure.message).to.include("still not evaluated when the gate's time ran out");
    });
});
