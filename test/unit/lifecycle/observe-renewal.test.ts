import { expect } from "chai";
import type { AuthoringClient } from "../../../provider/client/authoring-client";
import { LanguageApiError } from "../../../provider/client/language-api-error";
import { observeRenewal, type RenewalQuestion } from "../../../provider/lifecycle/observe-renewal";
import type { ResourceLog } from "../../../provider/lifecycle/resource-log";
import { failureOf } from "../../support/failure-of";

const offered = [
    { trainingConfigVersion: "2022-09-01", modelExpirationDate: "2026-10-01" },
    { trainingConfigVersion: "2025-05-15", modelExpirationDate: "2027-11-01" },
];
const question: RenewalQuestion = {
    projectName: "faq",
    deploymentName: "prod",
    offered,
    requested: "latest",
    warningDays: 30,
    previous: undefined,
    now: Date.parse("2026-11-22T23:30:00Z"),
};

/** A secondary whose serving deployment expires on `expires`, or that answers the GET with an error. */
function secondary(answer: { expires: string } | Error | undefined) {
    const asked: string[] = [];
    const client = {
        findDeployment: async (project: string, deployment: string) => {
            asked.push(`${project}/${deployment}`);
            if (answer instanceof Error) throw answer;
            return (
                answer && {
                    deploymentName: deployment,
                    modelId: "m",
                    lastDeployedDateTime: "t",
                    deploymentExpirationDate: answer.expires,
                    modelTrainingConfigVersion: "2025-05-15",
                }
            );
        },
    };
    return { client: client as unknown as AuthoringClient, asked };
}

const serviceError = (status: number, isRetryable: boolean) =>
    new LanguageApiError({
        operation: "reading deployment",
        resource: "127.0.0.1:9/secondary",
        status,
        code: "Error",
        serviceMessage: "error",
        innerCodes: [],
        isRetryable,
    });

describe("observe renewal", () => {
    let warnings: string[];
    const log: ResourceLog = {
        info: () => {},
        progress: () => {},
        warn: (line) => warnings.push(line),
        flushed: async () => {},
    };
    beforeEach(() => {
        warnings = [];
    });

    it("warns on the resource's row when the serving deployment is about to expire, counting days from today", async () => {
        const { client, asked } = secondary({ expires: "2026-12-01" });
        const { renewal, record } = await observeRenewal(client, question, log);
        expect(asked).to.deep.equal(["faq/prod"]);
        expect(renewal?.reason).to.include('deployment "prod" expires on 2026-12-01, in 9 days');
        expect(warnings).to.deep.equal([`expiry: ${renewal!.reason}`]);
        // Its model's configuration expires as the secondary's list of versions says.
        expect(record).to.deep.equal({
            deploymentName: "prod",
            expirationDate: "2026-12-01",
            configExpiry: "2027-11-01",
        });
    });

    it("keeps the last record, without warning again, once nothing is due", async () => {
        const previous = { trainingConfigVersion: "2025-05-15", reason: "renewed" };
        const { client } = secondary({ expires: "2027-11-01" });
        const observed = await observeRenewal(client, { ...question, previous }, log);
        expect(observed.renewal).to.equal(previous);
        expect(observed.record).to.deep.equal({
            deploymentName: "prod",
            expirationDate: "2027-11-01",
            configExpiry: "2027-11-01",
        });
        expect(warnings).to.deep.equal([]);
    });

    it("gives no record to rely on when the serving model is not of the version pinned: it is to be retrained", async () => {
        const { client } = secondary({ expires: "2027-11-01" });
        const pinned = await observeRenewal(client, { ...question, requested: "2022-09-01" }, log);
        expect(pinned).to.deep.equal({});
        const same = await observeRenewal(client, { ...question, requested: "2025-05-15" }, log);
        expect(same.record).to.have.property("expirationDate", "2027-11-01");
    });

    it("keeps the last record when the secondary has no serving deployment", async () => {
        const previous = { reason: "earlier" };
        const { client } = secondary(undefined);
        expect(await observeRenewal(client, { ...question, previous }, log)).to.deep.equal({ renewal: previous });
        expect(warnings).to.deep.equal([]);
    });

    it("keeps the last record when the secondary does not answer for now", async () => {
        const previous = { reason: "earlier" };
        const { client } = secondary(serviceError(503, true));
        expect(await observeRenewal(client, { ...question, previous }, log)).to.deep.equal({ renewal: previous });
        expect(await observeRenewal(client, question, log)).to.deep.equal({});
        expect(warnings).to.deep.equal([]);
    });

    it("fails on an error that asking again does not cure", async () => {
        const refused = serviceError(401, false);
        const { client } = secondary(refused);
        expect(await failureOf(observeRenewal(client, question, log))).to.equal(refused);
    });
});
