import { expect } from "chai";
import type * as pulumi from "@pulumi/pulumi";
import { check } from "../../../../provider/lifecycle/check";
import { secrets } from "./bad-values";
import { type FuzzCase, fuzzCases, validInputs } from "./fuzz-cases";
import { RequestCounter } from "./request-counter";

/**
 * A failure names a broken field when it is that field or a field inside it. A top-level field
 * may be named in the bracket form of a property path (`["projectName"]`).
 */
const names = (property: string, path: string) => {
    const field = property.replace(/^\["(.+)"\]$/, "$1");
    return field === path || field.startsWith(`${path}.`);
};

/** What the engine prints beside a failure: the input value when the property is a top-level input. */
const echoedByEngine = (fuzz: FuzzCase, property: string) => JSON.stringify(fuzz.inputs[property]) ?? "";

/** What is wrong with check's answer to one bad input; empty when it failed cleanly. */
function problemsWith(fuzz: FuzzCase, result: pulumi.dynamic.CheckResult, counter: RequestCounter): string[] {
    const failures = result.failures ?? [];
    const problems: string[] = [];
    if (result.inputs !== undefined || failures.length === 0) problems.push("accepted");
    if (counter.requests.length > 0) problems.push(`sent ${counter.requests.join(", ")}`);
    if (counter.sockets.length > 0) problems.push(`opened sockets ${counter.sockets.join(", ")}`);
    for (const path of fuzz.broken) {
        if (!failures.some((failure) => names(failure.property, path))) problems.push(`does not name ${path}`);
    }
    for (const { property, reason } of failures) {
        const text = `${property}: ${reason}`;
        if (!property || !reason) problems.push(`an empty property or reason: ${text}`);
        if (!fuzz.broken.some((path) => names(property, path))) problems.push(`names a field not broken: ${text}`);
        const shown = `${text} ${echoedByEngine(fuzz, property)}`;
        if (Object.values(secrets).some((secret) => shown.includes(secret))) problems.push(`leaks a secret: ${shown}`);
        if (/\n\s+at /.test(reason)) problems.push(`holds a stack trace: ${text}`);
    }
    return problems;
}

describe("check fuzz: bad inputs generated from the input schema", () => {
    const counter = new RequestCounter();
    const cases = fuzzCases();

    before(() => counter.install());
    after(() => counter.uninstall());

    it("counts the requests a valid input sends (so that zero below means zero)", async () => {
        counter.reset();
        const result = await check({}, validInputs(), counter.io);
        expect(result.failures?.map((failure) => failure.property)).to.deep.equal(["projectName"]);
        expect(counter.requests).to.have.length(1);
        expect(counter.sockets).to.deep.equal([]);
    });

    it(`refuses each of ${cases.length} bad inputs with a failure naming the field, sending nothing`, async () => {
        expect(cases.length).to.be.at.least(300);
        const problems: string[] = [];
        let clean = 0;
        let requests = 0;
        let sockets = 0;
        let thrown = 0;
        for (const fuzz of cases) {
            counter.reset();
            let found: string[];
            try {
                const result = await check({}, { ...fuzz.inputs, __provider: "shim" }, counter.io);
                found = problemsWith(fuzz, result, counter);
            } catch (error) {
                thrown++;
                found = [`threw ${String(error)}`];
            }
            requests += counter.requests.length;
            sockets += counter.sockets.length;
            if (found.length === 0) clean++;
            else problems.push(`${fuzz.title}: ${found.join("; ")}`);
        }
        console.log(
            `      check fuzz: ${cases.length} cases, ${clean} clean failures, ${requests} requests sent, ` +
                `${sockets} sockets opened, ${thrown} thrown`,
        );
        expect(problems.slice(0, 25), `${problems.length} cases not refused cleanly`).to.deep.equal([]);
    });
});
