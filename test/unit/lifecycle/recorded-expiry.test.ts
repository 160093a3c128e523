import { expect } from "chai";
import { type ExpiryQuestion, recordedExpiryOf } from "../../../provider/lifecycle/recorded-expiry";
import { checkedInputsFor } from "../../support/checked-inputs";

const record = { deploymentName: "prod", expirationDate: "2027-06-01", configExpiry: "2026-11-01" };
/** The old inputs of a replica whose last check kept `record`, as the engine passes them back. */
const olds = (overrides: Record<string, unknown> = {}) => ({
    ...checkedInputsFor(),
    __urn: "urn:pulumi:dev::p::type::faq",
    __expiryWatch: record,
    ...overrides,
});
const question = (overrides: Partial<ExpiryQuestion> = {}): ExpiryQuestion => ({
    args: checkedInputsFor(),
    kind: "Conversation",
    secondaryProjectName: "faq",
    deploymentName: "prod",
    today: "2026-10-31",
    ...overrides,
});

describe("recordedExpiryOf: the last check's reading of the serving deployment, while it still answers", () => {
    it("is kept for the same replica asked the same way while nothing can be due", () => {
        expect(recordedExpiryOf(olds(), question())).to.deep.equal(record);
    });

    it("is read again once the record's dates reach today: the configuration expired", () => {
        expect(recordedExpiryOf(olds(), question({ today: "2026-11-02" }))).to.equal(undefined);
    });

    it("is read again when anything the reading depended on changed", () => {
        const { args } = question();
        const changed: Partial<ExpiryQuestion>[] = [
            { args: { ...args, secondary: { ...args.secondary, key: "rotated" } } },
            { args: { ...args, apiVersion: "2022-10-01-preview" as typeof args.apiVersion } },
            { args: { ...args, training: { ...args.training, trainingConfigVersion: "2022-09-01" } } },
            { args: { ...args, expiryWarningDays: 365 } },
            { secondaryProjectName: "faq-copy" },
            { kind: "Orchestration" },
            { deploymentName: "staging" },
            { deploymentName: undefined },
        ];
        for (const change of changed) {
            expect(recordedExpiryOf(olds(), question(change)), JSON.stringify(change)).to.equal(undefined);
        }
    });

    it("is none when the old inputs kept none, or something that is no record or no checked inputs", () => {
        expect(recordedExpiryOf(olds({ __expiryWatch: undefined }), question())).to.equal(undefined);
        expect(recordedExpiryOf(olds({ __expiryWatch: { ...record, extra: 1 } }), question())).to.equal(undefined);
        expect(recordedExpiryOf(olds({ projectKind: undefined }), question())).to.equal(undefined);
        expect(recordedExpiryOf({ __expiryWatch: record }, question())).to.equal(undefined);
    });
});
