import { expect } from "chai";
import { type ExpiryFacts, expiryRecordOf, isQuiet, renewalOf } from "../../../provider/plan/expiry-renewal";

const facts: ExpiryFacts = {
    deployment: { name: "prod", expirationDate: "2028-08-26", trainingConfigVersion: "2022-09-01" },
    offered: [{ trainingConfigVersion: "2022-09-01", modelExpirationDate: "2027-08-26" }],
    today: "2026-11-22",
    warningDays: 30,
    requested: "latest",
};
const newer = { trainingConfigVersion: "2026-06-01", modelExpirationDate: "2028-06-01" };

describe("renewalOf: the expiry watch", () => {
    it("records nothing while the deployment is far from expiry", () => {
        expect(renewalOf(facts)).to.equal(undefined);
    });

    it("asks for the newest configuration when the deployment expires within the window", () => {
        const renewal = renewalOf({
            ...facts,
            deployment: { ...facts.deployment!, expirationDate: "2026-12-12" },
            offered: [...facts.offered, newer],
        });
        expect(renewal).to.deep.equal({
            trainingConfigVersion: "2026-06-01",
            reason: 'deployment "prod" expires on 2026-12-12, in 20 days (warning window 30 days): retrained with training configuration 2026-06-01 (expires 2028-06-01)',
        });
    });

    it("sees a configuration past expiry, dated from the deployment when the secondary no longer lists it", () => {
        const renewal = renewalOf({ ...facts, today: "2027-09-10", offered: [] });
        expect(renewal?.reason).to.equal(
            "its training configuration 2022-09-01 expired on 2027-08-26; no newer training configuration is offered yet",
        );
        expect(renewal).not.to.have.property("trainingConfigVersion");
    });

    it("says that a pinned configuration cannot be renewed by up", () => {
        const renewal = renewalOf({ ...facts, requested: "2022-09-01", today: "2028-08-20", offered: [newer] });
        expect(renewal?.reason).to.match(
            /expires on 2028-08-26, in 6 days .*trainingConfigVersion is pinned to 2022-09-01: set "latest" or a newer version/,
        );
        expect(renewal).not.to.have.property("trainingConfigVersion");
    });

    it("keeps the last record once nothing is due, so an applied renewal is no change", () => {
        const previous = { trainingConfigVersion: "2026-06-01", reason: "renewed" };
        const renewed = { name: "prod", expirationDate: "2029-06-01", trainingConfigVersion: "2026-06-01" };
        expect(renewalOf({ ...facts, deployment: renewed, offered: [newer], previous })).to.equal(previous);
        expect(renewalOf({ ...facts, deployment: undefined, previous })).to.equal(previous);
    });
});

describe("expiry records: when a later check need not read the deployment again", () => {
    const record = expiryRecordOf(facts.deployment!, facts.offered);

    it("keeps the deployment's expiry and its configuration's, as the secondary lists it", () => {
        expect(record).to.deep.equal({
            deploymentName: "prod",
            expirationDate: "2028-08-26",
            configExpiry: "2027-08-26",
        });
        // A configuration no longer listed expired a year before the deployment does.
        expect(expiryRecordOf(facts.deployment!, []).configExpiry).to.equal("2027-08-26");
    });

    it("is quiet until the warning window opens, and not on its first day", () => {
        expect(isQuiet(record, "2027-07-26", 30)).to.equal(true);
        expect(isQuiet({ ...record, configExpiry: "2029-01-01" }, "2028-07-26", 30)).to.equal(true);
        expect(isQuiet({ ...record, configExpiry: "2029-01-01" }, "2028-07-27", 30)).to.equal(false);
        expect(isQuiet({ ...record, configExpiry: "2029-01-01" }, "2028-07-27", 29)).to.equal(true);
    });

    it("is quiet until the configuration expires, and not the day after", () => {
        expect(isQuiet(record, "2027-08-26", 30)).to.equal(true);
        expect(isQuiet(record, "2027-08-27", 30)).to.equal(false);
    });

    it("agrees with the watch: whenever the record is quiet, the watch finds nothing due", () => {
        for (const today of ["2026-11-22", "2027-08-26", "2027-08-27", "2028-07-26", "2028-07-27", "2028-09-01"]) {
            for (const warningDays of [0, 30, 365]) {
                if (isQuiet(record, today, warningDays)) {
                    expect(renewalOf({ ...facts, today, warningDays })).to.equal(undefined, `${today} ${warningDays}`);
                }
            }
        }
    });
});
