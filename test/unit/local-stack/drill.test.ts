import { expect } from "chai";
import { drillPlan, parseDrillFlags } from "../../../scripts/local-stack/drill/drill-plan";
import { formatRecord, formatSummary } from "../../../scripts/local-stack/drill/drill-report";

const projects = ["travel-clu", "travel-orchestrator", "support-tickets"];

describe("failover drill", () => {
    it("streams to the orchestration with a hanging region unless told otherwise", () => {
        expect(parseDrillFlags([], projects)).to.deep.equal({ project: "travel-orchestrator", outage: "hang" });
        expect(parseDrillFlags(["--outage", "status", "--project", "support-tickets"], projects)).to.deep.equal({
            project: "support-tickets",
            outage: "status",
        });
        expect(() => parseDrillFlags(["--project", "nope"], projects)).to.throw("--project <travel-clu|");
        expect(() => parseDrillFlags(["--outage"], projects)).to.throw("--outage <hang|status|dropConnection>");
    });

    it("is bounded, and takes the region down part-way", () => {
        expect(drillPlan.outageFrom).to.be.above(drillPlan.breaker.failureThreshold);
        expect(drillPlan.outageThrough).to.be.below(drillPlan.requests);
        expect(drillPlan.requests * drillPlan.paceMs).to.be.at.most(60_000);
    });

    it("prints one line per request: region, latency, answer, and why the primary did not answer", () => {
        expect(formatRecord({ request: 3, region: "primary", durationMs: 12, answer: "Travel > BookFlight" })).to.equal(
            "# 3  primary      12 ms  Travel > BookFlight",
        );
        expect(
            formatRecord({
                request: 17,
                region: "secondary",
                durationMs: 1004,
                answer: "Billing",
                primaryFailure: "timed out",
            }),
        ).to.equal("#17  secondary  1004 ms  Billing  (primary failed: timed out)");
        expect(formatRecord({ request: 18, error: "no region answered" })).to.equal(
            "#18  FAILED              no region answered",
        );
    });

    it("sums up the failover and the failback", () => {
        const summary = formatSummary(
            {
                requests: 60,
                failed: 0,
                answered: { primary: 40, secondary: 20 },
                failedOverAt: 18,
                failedBackAt: 45,
                failBackMs: 1_250,
            },
            { failureThreshold: 3, halfOpenAfterMs: 2_000 },
        );
        expect(summary.split("\n")).to.deep.equal([
            "requests: 60, failed (seen by the caller): 0",
            "answered by the primary: 40, by the secondary: 20",
            "failed over at request 18 (the breaker opened after 3 consecutive failures of the primary; from request 19 on the primary was not asked)",
            "failed back at request 45, 1.3 s after the primary came back (the breaker probes it 2.0 s after opening or after a failed probe, with the next request)",
        ]);
    });
});
