import type { StepName } from "../plan/plan-replication";
import { documentRunners } from "./document-steps";
import { promotionRunners } from "./promotion-steps";
import { replicationRunners } from "./replication-steps";
import type { StepRunner } from "./step-run";

/** The runner of every planned step. */
export const stepRunners: Readonly<Record<StepName, StepRunner>> = {
    ...documentRunners,
    ...replicationRunners,
    ...promotionRunners,
};
