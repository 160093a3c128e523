import * as authorization from "@pulumi/azure-native/authorization";
import * as resources from "@pulumi/azure-native/resources";
import type { AzureConfig } from "./config";
import { createRegionStorage, createSharedStorage, type DocumentStorage } from "./document-storage";
import { createLanguageAccount, type LanguageAccount } from "./language-account";
import { defaultResourceGroupName } from "./resource-names";
import { assignRole } from "./role-assignment";

export interface Infrastructure {
    resourceGroup: resources.ResourceGroup;
    /** The documents' storage each Language resource links: one account for both unless storagePerRegion. */
    storage: { primary: DocumentStorage; secondary: DocumentStorage };
    primary: LanguageAccount;
    secondary: LanguageAccount;
    /** Everything a replication needs to be allowed first: storage access, and the deployer's roles. */
    roleAssignments: authorization.RoleAssignment[];
}

/** The two Language resources, their documents' storage, and the role assignments between them. */
export function createInfrastructure(config: AzureConfig): Infrastructure {
    const resourceGroup = new resources.ResourceGroup("resource-group", {
        resourceGroupName: config.resourceGroupName ?? defaultResourceGroupName(config.namePrefix),
        location: config.primaryRegion,
    });
    const shared = config.storagePerRegion ? undefined : createSharedStorage(config, resourceGroup.name);
    const storage = {
        primary: shared ?? createRegionStorage("primary", config.primaryRegion, config, resourceGroup.name),
        secondary: shared ?? createRegionStorage("secondary", config.secondaryRegion, config, resourceGroup.name),
    };
    const accountArgs = {
        resourceGroupName: resourceGroup.name,
        namePrefix: config.namePrefix,
        sku: config.sku,
        keyless: config.keyless,
    };
    const primary = createLanguageAccount("language-primary", {
        ...accountArgs,
        region: config.primaryRegion,
        storageAccountId: storage.primary.account.id,
    });
    const secondary = createLanguageAccount("language-secondary", {
        ...accountArgs,
        region: config.secondaryRegion,
        storageAccountId: storage.secondary.account.id,
    });

    const { subscriptionId } = authorization.getClientConfigOutput();
    // Each Language resource reads (and Language Studio writes) the documents of its own storage.
    const blobDataContributor = (name: string, language: LanguageAccount, linked: DocumentStorage) =>
        assignRole(`${name}-blob-data-contributor`, {
            role: "storageBlobDataContributor",
            principalId: language.principalId,
            principalType: "ServicePrincipal",
            scope: linked.account.id,
            subscriptionId,
        });
    const roleAssignments = [
        blobDataContributor("language-primary", primary, storage.primary),
        blobDataContributor("language-secondary", secondary, storage.secondary),
    ];
    // The schema requires deployerPrincipalId with keyless or storagePerRegion; this narrows its type.
    if (config.deployerPrincipalId === undefined)
        return { resourceGroup, storage, primary, secondary, roleAssignments };
    const deployer = {
        principalId: config.deployerPrincipalId,
        principalType: config.deployerPrincipalType,
        subscriptionId,
    };
    // Keyless replication runs as the deployer: it must read the primary and own the replicas.
    if (config.keyless) {
        roleAssignments.push(
            assignRole("deployer-language-reader", { ...deployer, role: "languageReader", scope: primary.account.id }),
            assignRole("deployer-language-owner", { ...deployer, role: "languageOwner", scope: secondary.account.id }),
        );
    }
    // The deployer copies the documents: it lists and reads the primary's container, and only
    // that, and writes the secondary's.
    if (config.storagePerRegion) {
        roleAssignments.push(
            assignRole("deployer-documents-reader", {
                ...deployer,
                role: "storageBlobDataReader",
                scope: storage.primary.container.id,
            }),
            assignRole("deployer-documents-writer", {
                ...deployer,
                role: "storageBlobDataContributor",
                scope: storage.secondary.container.id,
            }),
        );
    }
    return { resourceGroup, storage, primary, secondary, roleAssignments };
}
