import { expect } from "chai";
import { operationContextFor } from "../../../provider/lifecycle/operation-context-for";
import type { ResourceLog } from "../../../provider/lifecycle/resource-log";
import { timeoutMinutesSchema } from "../../../provider/lifecycle/inputs";
import { FakeClock } from "../../support/fake-clock";

const log: ResourceLog = { info: () => {}, progress: () => {}, warn: () => {}, flushed: async () => {} };
const timeoutMinutes = timeoutMinutesSchema.parse({ train: 2 });

describe("operationContextFor: one step's deadline, log and polling", () => {
    it("sets the deadline from the step's own timeout on the given clock", () => {
        const clock = new FakeClock();
        const context = operationContextFor({ timeoutMinutes }, "train", log, clock);
        expect(context.deadline).to.equal(clock.now() + 2 * 60_000);
        expect(context.clock).to.equal(clock);
        expect(context.log).to.equal(log.info);
        expect(context.progress).to.equal(log.progress);
        expect(operationContextFor({ timeoutMinutes }, "export", log, clock).deadline).to.equal(
            clock.now() + 15 * 60_000,
        );
    });

    it("polls every job on the user's schedule when one is given, else leaves each its own", () => {
        const polling = { initialIntervalMs: 500, maxIntervalMs: 8_000 };
        expect(operationContextFor({ timeoutMinutes, polling }, "train", log, new FakeClock()).polling).to.deep.equal({
            firstMs: 500,
            intervalMs: 500,
            maxMs: 8_000,
        });
        expect(operationContextFor({ timeoutMinutes }, "train", log, new FakeClock())).not.to.have.property("polling");
    });

    it("runs on the system clock unless a test gives its own", () => {
        const context = operationContextFor({ timeoutMinutes }, "delete", log);
        expect(context.deadline - Date.now()).to.be.within(15 * 60_000 - 5_000, 15 * 60_000);
    });
});
