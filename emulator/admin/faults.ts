import type { ForcedOutcome } from "../state/state-schema";
import type { Fault, FaultRule } from "./admin-schemas";
import { type Counted, CountedRules } from "./counted-rules";

/** A fault rule with its id and how many more requests it will hit. */
export type ActiveFault = Counted<FaultRule>;

/** Faults that replace the answer to a request. */
export type RequestFault = Extract<Fault, { kind: "status" | "throttle" | "dropConnection" | "echoRequest" }>;
/** Faults that decide how the job started by a request ends. */
type JobFault = Extract<Fault, { kind: "failJob" | "hangJob" }>;

const requestFaultKinds: readonly Fault["kind"][] = ["status", "throttle", "dropConnection", "echoRequest"];

function isRequestFault(fault: Fault): fault is RequestFault {
    return requestFaultKinds.includes(fault.kind);
}

function isJobFault(fault: Fault): fault is JobFault {
    return !isRequestFault(fault);
}

/** The request a fault may hit: its resource, method and path below the resource endpoint. */
export interface FaultTarget {
    readonly resource: string;
    readonly method: string;
    readonly path: string;
}

/** Injected faults; each rule hits the next `times` requests it matches, then retires. */
export class FaultRegistry extends CountedRules<FaultRule> {
    constructor() {
        super((rule) => rule.fault.times);
    }

    /** Consumes a fault that replaces the answer to this request, if one matches. */
    takeRequestFault(target: FaultTarget): RequestFault | undefined {
        return this.takeFault(target, isRequestFault);
    }

    /** Consumes a fault that decides how the job this request starts ends, if one matches. */
    takeJobFault(target: FaultTarget): ForcedOutcome | undefined {
        const fault = this.takeFault(target, isJobFault);
        switch (fault?.kind) {
            case undefined:
                return undefined;
            case "failJob":
                return { kind: "fail", code: fault.code, message: fault.message };
            case "hangJob":
                return { kind: "hang" };
        }
    }

    private takeFault<Kind extends Fault>(
        target: FaultTarget,
        accepts: (fault: Fault) => fault is Kind,
    ): Kind | undefined {
        const fault = this.take((rule) => accepts(rule.fault) && matches(rule, target))?.fault;
        return fault !== undefined && accepts(fault) ? fault : undefined;
    }
}

function matches(rule: FaultRule, target: FaultTarget): boolean {
    return (
        (rule.resource === undefined || rule.resource === target.resource) &&
        (rule.method === undefined || rule.method.toUpperCase() === target.method) &&
        new RegExp(rule.path).test(target.path)
    );
}
