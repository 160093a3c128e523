import { expect } from "chai";
import { dateOnlySchema, dateTimeSchema } from "../../../provider/contract";

describe("contract/date-time", () => {
    it("accepts 0 to 7 fractional digits", () => {
        const fractions = ["", ".4", ".43", ".433", ".4334", ".43343", ".433438", ".4334381"];
        for (const fraction of fractions) {
            const value = `2022-04-18T15:47:49${fraction}Z`;
            expect(dateTimeSchema.parse(value), value).to.equal(value);
        }
    });

    it("rejects 8 fractional digits, a missing zone and a date alone", () => {
        for (const value of ["2022-04-18T15:47:49.43343812Z", "2022-04-18T15:47:49", "2022-04-18"]) {
            expect(dateTimeSchema.safeParse(value).success, value).to.equal(false);
        }
    });

    it("accepts an explicit offset", () => {
        expect(dateTimeSchema.safeParse("2022-04-18T15:47:49+02:00").success).to.equal(true);
    });

    it("accepts a calendar date and rejects a date-time or an impossible date", () => {
        expect(dateOnlySchema.parse("2023-10-28")).to.equal("2023-10-28");
        expect(dateOnlySchema.safeParse("2023-10-28T00:00:00Z").success).to.equal(false);
        expect(dateOnlySchema.safeParse("2023-13-01").success).to.equal(false);
    });
});
