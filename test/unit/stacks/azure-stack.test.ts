import * as pulumi from "@pulumi/pulumi";
import { expect } from "chai";
import { parseFailoverOptions } from "../../../runtime/failover-options";
import { roleAssignmentGuid } from "../../../stacks/azure/deterministic-guid";
import {
    installMocks,
    isWireSecret,
    mockKey,
    removeMocks,
    replicaType,
    resolve,
    subscriptionId,
    type Recording,
    type Registration,
} from "./azure-mocks";

type Program = typeof import("../../../stacks/azure");

const deployer = "0f0e0d0c-0b0a-4998-8776-655443322110";
const roleDefinition = (guid: string) =>
    `/subscriptions/${subscriptionId}/providers/Microsoft.Authorization/roleDefinitions/${guid}`;
const blobDataContributor = "ba92f5b4-2d11-453d-a403-e96b0029c9fe";

/** The orchestration is listed first, so replicating in config order would be wrong. */
const projects = [
    {
        projectName: "travel-assistant",
        projectKind: "Orchestration",
        deploymentName: "production",
        dependsOn: ["travel-booking"],
    },
    {
        projectName: "travel-booking",
        projectKind: "Conversation",
        deploymentName: "production",
        trainingMode: "advanced",
    },
    { projectName: "support-tickets", projectKind: "CustomSingleLabelClassification" },
];

function stackConfig(overrides: Record<string, string> = {}): Record<string, string> {
    const settings: Record<string, string> = {
        primaryRegion: "westeurope",
        secondaryRegion: "northeurope",
        namePrefix: "contoso-lang",
        projects: JSON.stringify(projects),
        ...overrides,
    };
    return Object.fromEntries(Object.entries(settings).map(([key, value]) => [`replicated-language:${key}`, value]));
}

interface Run {
    recording: Recording;
    outputs: Awaited<ReturnType<Program["azureProgram"]>>;
    resolved: any;
}

/** Runs the whole program under fresh mocks; the module is loaded only once mocks are in place. */
async function runProgram(config: Record<string, string>): Promise<Run> {
    const recording = await installMocks();
    pulumi.runtime.setAllConfig(config);
    const { azureProgram } = require("../../../stacks/azure") as Program;
    const outputs = await azureProgram();
    return { recording, outputs, resolved: await resolve(outputs) };
}

const ofType = (run: Run, type: string) =>
    run.recording.registrations.filter((registration) => registration.type === type);
const named = (run: Run, type: string, name: string): Registration => {
    const found = ofType(run, type).find((registration) => registration.name === name);
    if (found === undefined) throw new Error(`no ${type} named ${name} was registered`);
    return found;
};
/** The dotted paths of every secret output in a structure of outputs. */
async function secretPaths(value: unknown, path = ""): Promise<string[]> {
    if (pulumi.Output.isInstance(value)) return (await pulumi.isSecret(value)) ? [path] : [];
    if (typeof value !== "object" || value === null) return [];
    const nested = await Promise.all(
        Object.entries(value).map(([key, item]) => secretPaths(item, path === "" ? key : `${path}.${key}`)),
    );
    return nested.flat();
}

const mockId = (type: string, name: string) => `/subscriptions/${subscriptionId}/mock/${type}/${name}`;
const storageId = mockId("azure-native:storage:StorageAccount", "documents");

describe("the Azure stack program", function () {
    // Serializing the dynamic provider's shim takes a moment on the first replica.
    this.timeout(30_000);
    after(removeMocks);

    describe("with keys (the default)", () => {
        let run: Run;
        before(async () => {
            run = await runProgram(stackConfig());
        });

        it("creates one resource group, storage account, container, two accounts, two role assignments and a replica per project", () => {
            const counts: Record<string, number> = {};
            for (const { type } of run.recording.registrations) counts[type] = (counts[type] ?? 0) + 1;
            expect(counts).to.deep.equal({
                "azure-native:resources:ResourceGroup": 1,
                "azure-native:storage:StorageAccount": 1,
                "azure-native:storage:BlobContainer": 1,
                "azure-native:cognitiveservices:Account": 2,
                "azure-native:authorization:RoleAssignment": 2,
                [replicaType]: 3,
            });
            expect(named(run, "azure-native:resources:ResourceGroup", "resource-group").inputs).to.include({
                resourceGroupName: "rg-contoso-lang",
                location: "westeurope",
            });
        });

        it("puts a protected TextAnalytics account in each region, with a custom subdomain, an identity and the shared storage", () => {
            const expected = [
                ["language-primary", "westeurope"],
                ["language-secondary", "northeurope"],
            ];
            for (const [name, region] of expected) {
                const account = named(run, "azure-native:cognitiveservices:Account", name!);
                expect(account.protect, `${name} is protected`).to.equal(true);
                expect(account.inputs).to.deep.include({
                    accountName: `contoso-lang-${region}`,
                    location: region,
                    kind: "TextAnalytics",
                    sku: { name: "S" },
                    identity: { type: "SystemAssigned" },
                });
                expect(account.inputs.properties).to.deep.equal({
                    customSubDomainName: `contoso-lang-${region}`,
                    userOwnedStorage: [{ resourceId: storageId }],
                    disableLocalAuth: false,
                    publicNetworkAccess: "Enabled",
                });
            }
        });

        it("stores documents in one private, geo-redundant StorageV2 account", () => {
            expect(named(run, "azure-native:storage:StorageAccount", "documents").inputs).to.include({
                accountName: "contosolangdocs",
                resourceGroupName: "rg-contoso-lang",
                location: "westeurope",
                kind: "StorageV2",
                allowBlobPublicAccess: false,
                minimumTlsVersion: "TLS1_2",
            });
            expect(named(run, "azure-native:storage:StorageAccount", "documents").inputs.sku).to.deep.equal({
                name: "Standard_RAGRS",
            });
            expect(named(run, "azure-native:storage:BlobContainer", "documents").inputs).to.include({
                containerName: "documents",
                accountName: "contosolangdocs",
                publicAccess: "None",
            });
        });

        it("lets each account's identity use the storage, under deterministic assignment names", () => {
            for (const [name, region] of [
                ["language-primary", "westeurope"],
                ["language-secondary", "northeurope"],
            ]) {
                const principalId = `principal-of-contoso-lang-${region}`;
                expect(
                    named(run, "azure-native:authorization:RoleAssignment", `${name}-blob-data-contributor`).inputs,
                ).to.deep.equal({
                    principalId,
                    principalType: "ServicePrincipal",
                    roleDefinitionId: roleDefinition(blobDataContributor),
                    scope: storageId,
                    roleAssignmentName: roleAssignmentGuid(storageId, principalId, blobDataContributor),
                });
            }
        });

        it("makes every replica wait for the role assignments, and the orchestration for its project", () => {
            const assignments = ofType(run, "azure-native:authorization:RoleAssignment").map(
                (assignment) => assignment.urn,
            );
            const replica = (name: string) => named(run, replicaType, name);
            for (const { name, dependencies } of ofType(run, replicaType)) {
                expect(dependencies, name).to.include.members(assignments);
            }
            const replicaUrns = ofType(run, replicaType).map((registration) => registration.urn);
            const onReplicas = (name: string) => replica(name).dependencies.filter((urn) => replicaUrns.includes(urn));
            expect(onReplicas("travel-assistant")).to.deep.equal([replica("travel-booking").urn]);
            expect(onReplicas("travel-booking")).to.deep.equal([]);
            expect(onReplicas("support-tickets")).to.deep.equal([]);
        });

        it("copies no documents: both resources read the one shared account", () => {
            for (const replica of ofType(run, replicaType))
                expect(replica.inputs, replica.name).not.to.have.property("documents");
        });

        it("passes each project's settings and the two endpoints to its replica", () => {
            expect(named(run, replicaType, "travel-booking").inputs).to.deep.include({
                projectName: "travel-booking",
                projectKind: "Conversation",
                deploymentName: "production",
                training: { trainingMode: "advanced" },
            });
            const { primary, secondary } = named(run, replicaType, "support-tickets").inputs;
            expect(primary.endpoint).to.equal("https://contoso-lang-westeurope.cognitiveservices.azure.com/");
            expect(secondary.endpoint).to.equal("https://contoso-lang-northeurope.cognitiveservices.azure.com/");
        });

        it("hands each replica the accounts' keys, as secrets", () => {
            for (const replica of ofType(run, replicaType)) {
                expect(replica.inputs.primary.key).to.equal(mockKey("contoso-lang-westeurope"));
                expect(replica.inputs.secondary.key).to.equal(mockKey("contoso-lang-northeurope"));
                expect(isWireSecret(replica.wire.primary.key), `${replica.name}: primary key is secret`).to.equal(true);
                expect(isWireSecret(replica.wire.secondary.key), `${replica.name}: secondary key is secret`).to.equal(
                    true,
                );
                expect(replica.inputs.primary.entraId).to.equal(undefined);
            }
            const keyLookups = run.recording.calls.filter(
                (call) => call.token === "azure-native:cognitiveservices:listAccountKeys",
            );
            expect(keyLookups.map((call) => call.inputs.accountName).sort()).to.deep.equal([
                "contoso-lang-northeurope",
                "contoso-lang-westeurope",
            ]);
        });

        it("outputs endpoints, regions, the container and each replica's state and failover client options", () => {
            const endpoints = {
                westeurope: "https://contoso-lang-westeurope.cognitiveservices.azure.com/",
                northeurope: "https://contoso-lang-northeurope.cognitiveservices.azure.com/",
            };
            expect(run.resolved).to.deep.equal({
                primaryRegion: "westeurope",
                secondaryRegion: "northeurope",
                primaryEndpoint: endpoints.westeurope,
                secondaryEndpoint: endpoints.northeurope,
                storageContainerName: "documents",
                documentStorage: {
                    primary: "https://contosolangdocs.blob.core.windows.net/",
                    secondary: "https://contosolangdocs.blob.core.windows.net/",
                },
                projects: Object.fromEntries(
                    ["travel-booking", "travel-assistant", "support-tickets"].map((name) => [
                        name,
                        {
                            failoverClientOptions: {
                                primary: { endpoint: endpoints.westeurope, key: mockKey("contoso-lang-westeurope") },
                                secondary: {
                                    endpoint: endpoints.northeurope,
                                    key: mockKey("contoso-lang-northeurope"),
                                },
                                projectName: name,
                                deploymentName: "production",
                            },
                            secondaryDeploymentName: "production",
                            modelId: `model-of-${name}`,
                            lastSyncedAt: "2025-01-02T03:04:05Z",
                            syncedRevision: {
                                lastModifiedDateTime: "2025-01-01T00:00:00Z",
                                contentHash: `hash-of-${name}`,
                            },
                        },
                    ]),
                ),
            });
        });

        it("keeps the keys secret outputs, and nothing else secret", async () => {
            const expected = ["travel-booking", "travel-assistant", "support-tickets"].flatMap((name) =>
                ["primary", "secondary"].map((region) => `projects.${name}.failoverClientOptions.${region}.key`),
            );
            expect(await secretPaths(run.outputs))
                .to.have.members(expected)
                .and.have.length(expected.length);
        });

        it("hands createFailoverClient a ready configuration", () => {
            for (const [name, outputs] of Object.entries(run.resolved.projects)) {
                const options = (outputs as { failoverClientOptions: unknown }).failoverClientOptions;
                expect(parseFailoverOptions(options), name).to.deep.include({ projectName: name });
            }
        });
    });

    describe("keyless", () => {
        let run: Run;
        before(async () => {
            run = await runProgram(stackConfig({ keyless: "true", deployerPrincipalId: deployer }));
        });

        it("disables local auth on both accounts and never lists keys", () => {
            for (const account of ofType(run, "azure-native:cognitiveservices:Account")) {
                expect(account.inputs.properties.disableLocalAuth, account.name).to.equal(true);
            }
            expect(run.recording.calls.map((call) => call.token)).to.deep.equal([
                "azure-native:authorization:getClientConfig",
            ]);
        });

        it("exports failover client options with Entra ID, and no secret", async () => {
            const options = run.resolved.projects["travel-booking"].failoverClientOptions;
            expect(options.primary).to.deep.equal({
                endpoint: "https://contoso-lang-westeurope.cognitiveservices.azure.com/",
                entraId: {},
            });
            expect(options.secondary.entraId).to.deep.equal({});
            expect(parseFailoverOptions(options).deploymentName).to.equal("production");
            expect(await secretPaths(run.outputs)).to.deep.equal([]);
        });

        it("replicates with Entra ID instead of keys", () => {
            for (const replica of ofType(run, replicaType)) {
                expect(replica.inputs.primary).to.deep.equal({
                    endpoint: "https://contoso-lang-westeurope.cognitiveservices.azure.com/",
                    entraId: {},
                });
                expect(replica.inputs.secondary.entraId).to.deep.equal({});
                expect(replica.inputs.secondary.key).to.equal(undefined);
            }
        });

        it("gives the deployer Language Reader on the primary and Language Owner on the secondary", () => {
            const reader = named(run, "azure-native:authorization:RoleAssignment", "deployer-language-reader").inputs;
            const owner = named(run, "azure-native:authorization:RoleAssignment", "deployer-language-owner").inputs;
            expect(reader).to.include({
                principalId: deployer,
                scope: mockId("azure-native:cognitiveservices:Account", "language-primary"),
                roleDefinitionId: roleDefinition("7628b7b8-a8b2-4cdc-b46f-e9b35248918e"),
            });
            expect(owner).to.include({
                principalId: deployer,
                scope: mockId("azure-native:cognitiveservices:Account", "language-secondary"),
                roleDefinitionId: roleDefinition("f07febfe-79bc-46b1-8b37-790e26e6e498"),
            });
            expect(reader.principalType, "a person by default").to.equal("User");
        });

        it("makes every replica wait for all four role assignments", () => {
            const assignments = ofType(run, "azure-native:authorization:RoleAssignment").map(
                (assignment) => assignment.urn,
            );
            expect(assignments).to.have.length(4);
            for (const { name, dependencies } of ofType(run, replicaType)) {
                expect(dependencies, name).to.include.members(assignments);
            }
        });
    });

    describe("with storage per region", () => {
        let run: Run;
        before(async () => {
            run = await runProgram(stackConfig({ storagePerRegion: "true", deployerPrincipalId: deployer }));
        });
        const readerRole = "2a2b9908-6ea1-4ae2-8e65-a410df84e7d1";
        const containerId = (side: string) => mockId("azure-native:storage:BlobContainer", `documents-${side}`);
        const accountId = (side: string) => mockId("azure-native:storage:StorageAccount", `documents-${side}`);

        it("gives each region a zone-redundant account of its own, with the container", () => {
            for (const [side, region, name] of [
                ["primary", "westeurope", "contosolangweudocs"],
                ["secondary", "northeurope", "contosolangneudocs"],
            ]) {
                const account = named(run, "azure-native:storage:StorageAccount", `documents-${side}`).inputs;
                expect(account).to.include({
                    accountName: name,
                    location: region,
                    kind: "StorageV2",
                    allowBlobPublicAccess: false,
                });
                expect(account.sku).to.deep.equal({ name: "Standard_ZRS" });
                expect(named(run, "azure-native:storage:BlobContainer", `documents-${side}`).inputs).to.include({
                    containerName: "documents",
                    accountName: name,
                });
            }
            expect(ofType(run, "azure-native:storage:StorageAccount")).to.have.length(2);
        });

        it("links each Language resource to its own region's account, and lets its identity use it", () => {
            for (const side of ["primary", "secondary"]) {
                const language = named(run, "azure-native:cognitiveservices:Account", `language-${side}`).inputs;
                expect(language.properties.userOwnedStorage).to.deep.equal([{ resourceId: accountId(side) }]);
                const assignment = named(
                    run,
                    "azure-native:authorization:RoleAssignment",
                    `language-${side}-blob-data-contributor`,
                );
                expect(assignment.inputs).to.include({
                    scope: accountId(side),
                    roleDefinitionId: roleDefinition(blobDataContributor),
                });
            }
        });

        it("lets the deployer read the primary's container and write the secondary's, nothing more", () => {
            const reader = named(run, "azure-native:authorization:RoleAssignment", "deployer-documents-reader").inputs;
            const writer = named(run, "azure-native:authorization:RoleAssignment", "deployer-documents-writer").inputs;
            expect(reader).to.deep.equal({
                principalId: deployer,
                principalType: "User",
                roleDefinitionId: roleDefinition(readerRole),
                scope: containerId("primary"),
                roleAssignmentName: roleAssignmentGuid(containerId("primary"), deployer, readerRole),
            });
            expect(writer).to.include({
                principalId: deployer,
                roleDefinitionId: roleDefinition(blobDataContributor),
                scope: containerId("secondary"),
            });
            // With keys the Language roles are not needed: 2 for the accounts' identities, 2 for the deployer.
            expect(ofType(run, "azure-native:authorization:RoleAssignment")).to.have.length(4);
        });

        it("copies the text projects' documents with Entra ID, after the role assignments; others have none", () => {
            const tickets = named(run, replicaType, "support-tickets");
            expect(tickets.inputs.documents).to.deep.equal({
                source: { blobEndpoint: "https://contosolangweudocs.blob.core.windows.net/", entraId: {} },
                target: { blobEndpoint: "https://contosolangneudocs.blob.core.windows.net/", entraId: {} },
            });
            const assignments = ofType(run, "azure-native:authorization:RoleAssignment").map(
                (assignment) => assignment.urn,
            );
            expect(tickets.dependencies).to.include.members(assignments);
            expect(named(run, replicaType, "travel-booking").inputs).not.to.have.property("documents");
            expect(run.resolved.documentStorage).to.deep.equal({
                primary: "https://contosolangweudocs.blob.core.windows.net/",
                secondary: "https://contosolangneudocs.blob.core.windows.net/",
            });
        });
    });

    describe("refuses invalid config before creating anything", () => {
        const failure = async (overrides: Record<string, string>) => {
            const recording = await installMocks();
            pulumi.runtime.setAllConfig(stackConfig(overrides));
            const { azureProgram } = require("../../../stacks/azure") as Program;
            const error = await azureProgram().then(
                () => expect.fail("the program accepted invalid config"),
                (rejected: Error) => rejected,
            );
            expect(recording.registrations, "nothing registered").to.deep.equal([]);
            return error.message;
        };

        it("the same region twice", async () => {
            expect(await failure({ secondaryRegion: "westeurope" })).to.include(
                'replicated-language:secondaryRegion must differ from primaryRegion ("westeurope")',
            );
        });

        it("a region where projects cannot be authored", async () => {
            const message = await failure({ primaryRegion: "brazilsouth" });
            expect(message).to.include(
                'replicated-language:primaryRegion "brazilsouth" is not a Language authoring region',
            );
            expect(message).to.include("northeurope");
        });

        it("a namePrefix that is not a DNS label", async () => {
            expect(await failure({ namePrefix: "Contoso_Lang" })).to.include(
                "replicated-language:namePrefix must be a DNS label",
            );
        });

        it("storage per region without the deployer's principal, or a project's kind", async () => {
            const untyped = JSON.stringify([{ projectName: "support-tickets" }]);
            const message = await failure({ storagePerRegion: "true", projects: untyped });
            expect(message).to.include(
                "replicated-language:deployerPrincipalId is required when storagePerRegion is true",
            );
            expect(message).to.include(
                "replicated-language:projects[0].projectKind is required when storagePerRegion is true",
            );
        });

        it("keyless without the deployer's principal", async () => {
            expect(await failure({ keyless: "true" })).to.include(
                "replicated-language:deployerPrincipalId is required when keyless is true",
            );
        });
    });
});
