import * as pulumi from "@pulumi/pulumi";
import { z } from "zod";
import { containerNamePattern, containerNameRule } from "../../provider/storage/container-name";
import { authoringRegions } from "./authoring-regions";
import { orderForReplication } from "./replication-order";
import { namePrefixMaxLength } from "./resource-names";

/** The Pulumi project name, which namespaces this program's config keys. */
export const configNamespace = "replicated-language";

const projectKinds = [
    "Conversation",
    "Orchestration",
    "CustomSingleLabelClassification",
    "CustomMultiLabelClassification",
    "CustomEntityRecognition",
] as const;

/** The kinds whose training takes a trainingMode; the text kinds have none. */
const kindsWithTrainingMode: readonly string[] = ["Conversation", "Orchestration"];

/** The custom text kinds, whose labels name documents in the linked storage. */
export const textProjectKinds: readonly string[] = projectKinds.filter((kind) => !kindsWithTrainingMode.includes(kind));

const principalTypes = ["User", "Group", "ServicePrincipal"] as const;

const dnsLabel = /^[a-z0-9](?:[a-z0-9-]*[a-z0-9])?$/;
/** Resource group names: up to 90 word characters, hyphens, periods and parentheses, not ending in a period. */
const resourceGroupName = /^[-\w.()]{0,89}[-\w()]$/;
const guid = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/** The message for a missing key, with the command that sets it. */
const required = (key: string, example: string) =>
    `is required: pulumi config set ${configNamespace}:${key} ${example}`;

/** Azure accepts display names such as "West Europe" as locations; the table holds the short names. */
const normalizeRegion = (value: unknown) =>
    typeof value === "string" ? value.replace(/\s+/g, "").toLowerCase() : value;

const region = (key: string) =>
    z.preprocess(
        normalizeRegion,
        z.enum(authoringRegions, {
            error: (issue) =>
                issue.input === undefined
                    ? required(key, "westeurope")
                    : `${JSON.stringify(issue.input)} is not a Language authoring region for custom projects; ` +
                      `use one of ${authoringRegions.join(", ")}`,
        }),
    );

/** Config values arrive as text; structured ones (lists, booleans) as JSON text. */
const projectList = z
    .string({ error: "is required: the list of projects to replicate (see stacks/Pulumi.azure.yaml)" })
    .transform((text, context) => {
        try {
            return JSON.parse(text) as unknown;
        } catch {
            context.addIssue({ code: "custom", message: `must be YAML (or JSON), got ${JSON.stringify(text)}` });
            return z.NEVER;
        }
    });

const projectSchema = z
    .strictObject({
        /** The project on the primary; the replica on the secondary has the same name. */
        projectName: z.string({ error: "is required: the name of the project on the primary" }).min(1, "is empty"),
        deploymentName: z.string().min(1, "is empty").optional(),
        modelLabel: z.string().min(1, "is empty").optional(),
        projectKind: z.enum(projectKinds, { error: `must be one of ${projectKinds.join(", ")}` }).optional(),
        trainingMode: z.enum(["standard", "advanced"], { error: 'must be "standard" or "advanced"' }).optional(),
        /** Projects replicated before this one: an orchestration's target projects. */
        dependsOn: z.array(z.string(), { error: "must be a list of project names" }).default([]),
    })
    .superRefine((project, context) => {
        if (
            project.trainingMode !== undefined &&
            project.projectKind &&
            !kindsWithTrainingMode.includes(project.projectKind)
        ) {
            context.addIssue({
                code: "custom",
                path: ["trainingMode"],
                message: `applies only to Conversation and Orchestration projects, not ${project.projectKind}; remove it`,
            });
        }
    });

export const azureConfigSchema = z
    .strictObject({
        /** Defaults to `rg-<namePrefix>`. */
        resourceGroupName: z
            .string()
            .regex(resourceGroupName, "must be 1-90 letters, digits, '_', '-', '.', '(' or ')', not ending in '.'")
            .optional(),
        primaryRegion: region("primaryRegion"),
        secondaryRegion: region("secondaryRegion"),
        namePrefix: z
            .string({ error: required("namePrefix", "contoso-lang") })
            .max(
                namePrefixMaxLength,
                `must be at most ${namePrefixMaxLength} characters, so <namePrefix>-<region> fits in a DNS label`,
            )
            .regex(
                dnsLabel,
                "must be a DNS label (lowercase letters, digits and hyphens, starting and ending with a letter or digit): " +
                    "it names the custom subdomains <namePrefix>-<region>.cognitiveservices.azure.com, " +
                    "which are globally unique and cannot be changed later",
            ),
        /** S for production; F0 (free) only to try things out. */
        sku: z.enum(["S", "F0"], { error: 'must be "S" or "F0"' }).default("S"),
        /** Entra ID instead of keys: the accounts get disableLocalAuth and the deployer gets Language roles. */
        keyless: z
            .enum(["true", "false"], { error: "must be true or false" })
            .default("false")
            .transform((text) => text === "true"),
        /** The object id of the identity that runs `pulumi up`; used only when keyless. */
        deployerPrincipalId: z.string().regex(guid, "must be an object id (a GUID)").optional(),
        /** ARM rejects a role assignment whose principalType does not match the principal: CI runs as a ServicePrincipal. */
        deployerPrincipalType: z
            .enum(principalTypes, { error: `must be one of ${principalTypes.join(", ")}` })
            .default("User"),
        storageContainerName: z.string().regex(containerNamePattern, containerNameRule).default("documents"),
        /**
         * One storage account per region, each linked to its own Language resource, with the text
         * projects' documents copied from the primary's to the secondary's by the deployer's
         * Entra ID identity; otherwise one geo-redundant account linked to both.
         */
        storagePerRegion: z
            .enum(["true", "false"], { error: "must be true or false" })
            .default("false")
            .transform((text) => text === "true"),
        projects: projectList.pipe(
            z
                .array(projectSchema, { error: "must be a list of projects, each with a projectName" })
                .min(1, "lists no project: name at least one project of the primary to replicate"),
        ),
    })
    .superRefine((config, context) => {
        if (config.secondaryRegion === config.primaryRegion) {
            context.addIssue({
                code: "custom",
                path: ["secondaryRegion"],
                message:
                    `must differ from primaryRegion (${JSON.stringify(config.primaryRegion)}): ` +
                    "a replica in the same region does not survive that region's outage",
            });
        }
        const needsDeployer = [config.keyless && "keyless", config.storagePerRegion && "storagePerRegion"].filter(
            Boolean,
        );
        if (needsDeployer.length > 0 && config.deployerPrincipalId === undefined) {
            const roles = [
                config.keyless && "the Language roles",
                config.storagePerRegion && "the roles on the documents' containers",
            ];
            context.addIssue({
                code: "custom",
                path: ["deployerPrincipalId"],
                message:
                    `is required when ${needsDeployer.join(" and ")} ${needsDeployer.length > 1 ? "are" : "is"} true: the object id of the identity that runs pulumi up ` +
                    `(yours: az ad signed-in-user show --query id -o tsv), which gets ${roles.filter(Boolean).join(" and ")}`,
            });
        }
        if (config.storagePerRegion) {
            config.projects.forEach((project, index) => {
                if (project.projectKind !== undefined) return;
                context.addIssue({
                    code: "custom",
                    path: ["projects", index, "projectKind"],
                    message:
                        "is required when storagePerRegion is true: the documents of text projects are copied between the regions' accounts, so the stack must know which projects those are",
                });
            });
        }
        checkProjectReferences(config.projects, context);
    });

export type AzureConfig = z.output<typeof azureConfigSchema>;
export type ProjectConfig = AzureConfig["projects"][number];

/** Duplicate names, dependencies on unconfigured projects, then cycles (only once the names are sound). */
function checkProjectReferences(projects: ProjectConfig[], context: z.RefinementCtx): void {
    const names = projects.map((project) => project.projectName);
    let sound = true;
    projects.forEach((project, index) => {
        if (names.indexOf(project.projectName) !== index) {
            sound = false;
            context.addIssue({
                code: "custom",
                path: ["projects", index, "projectName"],
                message: `repeats ${JSON.stringify(project.projectName)}: list each project once`,
            });
        }
        project.dependsOn.forEach((name, at) => {
            if (!names.includes(name)) {
                sound = false;
                context.addIssue({
                    code: "custom",
                    path: ["projects", index, "dependsOn", at],
                    message: `names ${JSON.stringify(name)}, which is not in projects: add that project or remove the dependency`,
                });
            }
        });
    });
    if (!sound) return;
    try {
        orderForReplication(projects);
    } catch (error) {
        context.addIssue({
            code: "custom",
            path: ["projects"],
            message: `${(error as Error).message}; remove one of those dependencies`,
        });
    }
}

/** Validates the stack's config (key -> text, as Pulumi holds it), or throws one error listing every problem. */
export function parseAzureConfig(raw: Record<string, string>): AzureConfig {
    const result = azureConfigSchema.safeParse(raw);
    if (result.success) return result.data;
    const problems = result.error.issues.flatMap(describeIssue);
    throw new Error(`invalid stack config:\n${problems.map((problem) => `  - ${problem}`).join("\n")}`);
}

/** Reads every `replicated-language:` key of the stack, so a misspelt key is reported rather than ignored. */
export function readAzureConfig(): AzureConfig {
    const config = new pulumi.Config(configNamespace);
    const prefix = `${config.name}:`;
    const keys = Object.keys(pulumi.runtime.allConfig())
        .filter((key) => key.startsWith(prefix))
        .map((key) => key.slice(prefix.length));
    return parseAzureConfig(Object.fromEntries(keys.map((key) => [key, config.require(key)])));
}

function describeIssue(issue: z.core.$ZodIssue): string[] {
    const at = formatPath(issue.path);
    if (issue.code === "unrecognized_keys") {
        const what = at === "" ? "a config key of this stack" : "a project option";
        return issue.keys.map(
            (key) => `${configNamespace}:${at === "" ? key : `${at}.${key}`} is not ${what}; check the spelling`,
        );
    }
    return [`${configNamespace}:${at} ${issue.message}`];
}

function formatPath(path: readonly PropertyKey[]): string {
    return path
        .map((part, index) => (typeof part === "number" ? `[${part}]` : `${index === 0 ? "" : "."}${String(part)}`))
        .join("");
}
