import { expect } from "chai";
import {
    createDeploymentOptionsSchema,
    parseContract,
    projectDeploymentSchema,
    swapDeploymentsOptionsSchema,
} from "../../../provider/contract";

const deployment = {
    deploymentName: "production",
    modelId: "nightly-20240109T090000-3f9a1c0b7d2e4a6f8b5c1d0e9f8a7b6c",
    lastTrainedDateTime: "2024-01-09T09:04:40.9876543Z",
    lastDeployedDateTime: "2024-01-09T09:10:02Z",
    deploymentExpirationDate: "2025-07-15",
    modelTrainingConfigVersion: "2023-04-15",
};

describe("contract/deployments", () => {
    it("parses a deployment with 7 fractional digits and a date-only expiration", () => {
        expect(projectDeploymentSchema.parse(deployment)).to.deep.equal(deployment);
    });

    it("parses CLU 2025-11-01 assigned resources and keeps unknown fields", () => {
        const withResources = {
            ...deployment,
            assignedResources: [
                {
                    resourceId: "/subscriptions/s/resourceGroups/g/providers/Microsoft.CognitiveServices/accounts/b",
                    region: "northeurope",
                },
            ],
            extra: 1,
        };
        expect(projectDeploymentSchema.parse(withResources)).to.deep.equal(withResources);
    });

    it("rejects a deployment expiration given as a date-time", () => {
        expect(() =>
            parseContract(
                projectDeploymentSchema,
                { ...deployment, deploymentExpirationDate: "2025-07-15T00:00:00Z" },
                "deployment",
            ),
        ).to.throw('deployment: field "deploymentExpirationDate"');
    });

    it("builds strict deploy and swap bodies", () => {
        expect(
            createDeploymentOptionsSchema.parse({ trainedModelLabel: "nightly", assignedResourceIds: [] }),
        ).to.deep.equal({
            trainedModelLabel: "nightly",
            assignedResourceIds: [],
        });
        expect(
            createDeploymentOptionsSchema.safeParse({ trainedModelLabel: "nightly", modelLabel: "x" }).success,
        ).to.equal(false);
        expect(
            swapDeploymentsOptionsSchema.safeParse({ firstDeploymentName: "a", secondDeploymentName: "b" }).success,
        ).to.equal(true);
        expect(
            swapDeploymentsOptionsSchema.safeParse({ firstDeploymentName: "a", secondDeploymentName: "b", force: true })
                .success,
        ).to.equal(false);
    });
});
