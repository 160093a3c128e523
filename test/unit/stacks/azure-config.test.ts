import * as fs from "node:fs";
import * as path from "node:path";
import { expect } from "chai";
import { parseAzureConfig } from "../../../stacks/azure/config";

// js-yaml comes with @pulumi/pulumi, which uses it for its own YAML; it ships no types.
const { load } = require("js-yaml") as { load(text: string): unknown };

const project = { projectName: "travel-booking" };

function raw(overrides: Record<string, unknown> = {}): Record<string, string> {
    const settings: Record<string, unknown> = {
        primaryRegion: "westeurope",
        secondaryRegion: "northeurope",
        namePrefix: "contoso-lang",
        projects: [project],
        ...overrides,
    };
    // As Pulumi hands config to a program: text, with structured values as JSON.
    return Object.fromEntries(
        Object.entries(settings).map(([key, value]) => [
            key,
            typeof value === "string" ? value : JSON.stringify(value),
        ]),
    );
}

function problems(overrides: Record<string, unknown>): string {
    try {
        parseAzureConfig(raw(overrides));
    } catch (error) {
        return (error as Error).message;
    }
    throw new Error("the config was accepted");
}

describe("the Azure stack config", () => {
    it("fills in the defaults", () => {
        expect(parseAzureConfig(raw())).to.deep.equal({
            primaryRegion: "westeurope",
            secondaryRegion: "northeurope",
            namePrefix: "contoso-lang",
            sku: "S",
            keyless: false,
            deployerPrincipalType: "User",
            storageContainerName: "documents",
            storagePerRegion: false,
            projects: [{ projectName: "travel-booking", dependsOn: [] }],
        });
    });

    it("accepts the example stack file", () => {
        const file = path.join(__dirname, "..", "..", "..", "..", "stacks", "Pulumi.azure.yaml");
        const { config } = load(fs.readFileSync(file, "utf8")) as { config: Record<string, unknown> };
        const prefix = "replicated-language:";
        const settings = Object.entries(config)
            .filter(([key]) => key.startsWith(prefix))
            .map(([key, value]) => [
                key.slice(prefix.length),
                typeof value === "string" ? value : JSON.stringify(value),
            ]);
        const parsed = parseAzureConfig(Object.fromEntries(settings));
        expect(parsed.projects.map((p) => p.projectKind)).to.deep.equal([
            "Conversation",
            "Orchestration",
            "CustomSingleLabelClassification",
        ]);
        expect(parsed.projects[1]!.dependsOn).to.deep.equal([parsed.projects[0]!.projectName]);
    });

    it("accepts a region's display name", () => {
        expect(parseAzureConfig(raw({ secondaryRegion: "North Europe" })).secondaryRegion).to.equal("northeurope");
    });

    it("names a missing key and how to set it", () => {
        const { namePrefix: _unset, ...rest } = raw();
        expect(() => parseAzureConfig(rest)).to.throw(
            "replicated-language:namePrefix is required: pulumi config set replicated-language:namePrefix contoso-lang",
        );
    });

    it("reports every problem at once", () => {
        const message = problems({ secondaryRegion: "westeurope", namePrefix: "-bad-" });
        expect(message).to.include("replicated-language:secondaryRegion must differ");
        expect(message).to.include("replicated-language:namePrefix must be a DNS label");
    });

    it("keeps <namePrefix>-<region> within a DNS label", () => {
        expect(problems({ namePrefix: "a".repeat(47) })).to.include(
            "replicated-language:namePrefix must be at most 46 characters",
        );
    });

    it("names a misspelt key rather than ignoring it", () => {
        expect(problems({ secondaryregion: "uksouth" })).to.include(
            "replicated-language:secondaryregion is not a config key of this stack; check the spelling",
        );
        expect(problems({ projects: [{ projectName: "x", deploymentname: "prod" }] })).to.include(
            "replicated-language:projects[0].deploymentname is not a project option; check the spelling",
        );
    });

    it("checks keyless, the deployer and the container name", () => {
        expect(problems({ keyless: "yes" })).to.include("replicated-language:keyless must be true or false");
        expect(problems({ keyless: "true", deployerPrincipalId: "me" })).to.include(
            "replicated-language:deployerPrincipalId must be an object id (a GUID)",
        );
        expect(problems({ storageContainerName: "Docs" })).to.include(
            "replicated-language:storageContainerName must be 3-63",
        );
    });

    it("wants at least one project, each named once", () => {
        expect(problems({ projects: [] })).to.include("replicated-language:projects lists no project");
        expect(problems({ projects: [project, project] })).to.include(
            'replicated-language:projects[1].projectName repeats "travel-booking"',
        );
        expect(problems({ projects: "travel-booking" })).to.include("replicated-language:projects must be YAML");
    });

    it("refuses dependencies on unlisted projects, and cycles", () => {
        expect(problems({ projects: [{ projectName: "router", dependsOn: ["missing"] }] })).to.include(
            'replicated-language:projects[0].dependsOn[0] names "missing", which is not in projects',
        );
        const cycle = [
            { projectName: "a", dependsOn: ["b"] },
            { projectName: "b", dependsOn: ["a"] },
        ];
        expect(problems({ projects: cycle })).to.include(
            "replicated-language:projects dependsOn forms a cycle: a -> b -> a; remove one of those dependencies",
        );
    });

    it("allows trainingMode only where training has modes", () => {
        const textProject = {
            projectName: "tickets",
            projectKind: "CustomEntityRecognition",
            trainingMode: "advanced",
        };
        expect(problems({ projects: [textProject] })).to.include(
            "replicated-language:projects[0].trainingMode applies only to Conversation and Orchestration projects",
        );
    });
});
