import type { ForcedOutcome } from "../state/state-schema";
import type { Fault, FaultRule } from "./admin-schemas";

/** A fault rule with its id and how many more requests it will hit. */
export interface ActiveFault extends FaultRule {
    readonly id: number;
    remaining: number;
}

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
export class FaultRegistry {
    private faults: ActiveFault[] = [];
    private nextId = 1;

    add(rule: FaultRule): ActiveFault {
        const fault: ActiveFault = { ...rule, id: this.nextId++, remaining: rule.fault.times };
        this.faults.push(fault);
        return fault;
    }

    list(): readonly ActiveFault[] {
        return this.faults;
    }

    clear(): void {
        this.faults = [];
    }

    /** Consumes a fault that replaces the answer to this request, if one matches. */
    takeRequestFault(target: FaultTarget): RequestFault | undefined {
        return this.take(target, isRequestFault);
    }

    /** Consumes a fault that decides how the job this request starts ends, if one matches. */
    takeJobFault(target: FaultTarget): ForcedOutcome | undefined {
        const fault = this.take(target, isJobFault);
        switch (fault?.kind) {
            case undefined:
                return undefined;
            case "failJob":
                return { kind: "fail", code: fault.code, message: fault.message };
            case "hangJob":
                return { kind: "hang" };
        }
    }

    private take<Kind extends Fault>(target: FaultTarget, accepts: (fault: Fault) => fault is Kind): Kind | undefined {
        const match = this.faults.find(
            (fault) => fault.remaining > 0 && accepts(fault.fault) && matches(fault, target),
        );
        if (match === undefined) {
            return undefined;
        }
        match.remaining -= 1;
        if (match.remaining === 0) {
            this.faults = this.faults.filter((fault) => fault !== match);
        }
        const fault = match.fault;
        return accepts(fault) ? fault : undefined;
    }
}

function matches(rule: FaultRule, target: FaultTarget): boolean {
    return (
        (rule.resource === undefined || rule.resource === target.resource) &&
        (rule.method === undefined || rule.method.toUpperCase() === target.method) &&
        new RegExp(rule.path).test(target.path)
    );
}
