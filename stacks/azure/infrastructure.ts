import * as authorization from "@pulumi/azure-native/authorization";
import * as resources from "@pulumi/azure-native/resources";
import * as storage from "@pulumi/azure-native/storage";
import type { AzureConfig } from "./config";
import { createLanguageAccount, type LanguageAccount } from "./language-account";
import { defaultResourceGroupName, storageAccountName } from "./resource-names";
import { assignRole } from "./role-assignment";

export interface Infrastructure {
    resourceGroup: resources.ResourceGroup;
    storageAccount: storage.StorageAccount;
    container: storage.BlobContainer;
    primary: LanguageAccount;
    secondary: LanguageAccount;
    /** Everything a replication needs to be allowed first: storage access, and in keyless mode the deployer's roles. */
    roleAssignments: authorization.RoleAssignment[];
}

/** The two Language resources, their shared storage, and the role assignments between them. */
export function createInfrastructure(config: AzureConfig): Infrastructure {
    const resourceGroup = new resources.ResourceGroup("resource-group", {
        resourceGroupName: config.resourceGroupName ?? defaultResourceGroupName(config.namePrefix),
        location: config.primaryRegion,
    });
    // One account for both Language resources, as Microsoft recommends for custom text projects.
    // That makes it a single point of failure for their documents, so it is geo-redundant: a copy
    // is kept in the paired region, readable there and promoted by a storage account failover.
    const storageAccount = new storage.StorageAccount("documents", {
        accountName: storageAccountName(config.namePrefix),
        resourceGroupName: resourceGroup.name,
        location: config.primaryRegion,
        kind: storage.Kind.StorageV2,
        sku: { name: storage.SkuName.Standard_RAGRS },
        allowBlobPublicAccess: false,
        minimumTlsVersion: storage.MinimumTlsVersion.TLS1_2,
    });
    const container = new storage.BlobContainer("documents", {
        containerName: config.storageContainerName,
        accountName: storageAccount.name,
        resourceGroupName: resourceGroup.name,
        publicAccess: storage.PublicAccess.None,
    });
    const accountArgs = {
        resourceGroupName: resourceGroup.name,
        namePrefix: config.namePrefix,
        sku: config.sku,
        keyless: config.keyless,
        storageAccountId: storageAccount.id,
    };
    const primary = createLanguageAccount("language-primary", { ...accountArgs, region: config.primaryRegion });
    const secondary = createLanguageAccount("language-secondary", { ...accountArgs, region: config.secondaryRegion });

    const { subscriptionId } = authorization.getClientConfigOutput();
    const blobDataContributor = (name: string, language: LanguageAccount) =>
        assignRole(`${name}-blob-data-contributor`, {
            role: "storageBlobDataContributor",
            principalId: language.principalId,
            principalType: "ServicePrincipal",
            scope: storageAccount.id,
            subscriptionId,
        });
    const roleAssignments = [
        blobDataContributor("language-primary", primary),
        blobDataContributor("language-secondary", secondary),
    ];
    // Keyless replication runs as the deployer: it must read the primary and own the replicas.
    // (The schema requires deployerPrincipalId when keyless; the second test narrows its type.)
    if (config.keyless && config.deployerPrincipalId !== undefined) {
        const deployer = {
            principalId: config.deployerPrincipalId,
            principalType: config.deployerPrincipalType,
            subscriptionId,
        };
        roleAssignments.push(
            assignRole("deployer-language-reader", { ...deployer, role: "languageReader", scope: primary.account.id }),
            assignRole("deployer-language-owner", { ...deployer, role: "languageOwner", scope: secondary.account.id }),
        );
    }
    return { resourceGroup, storageAccount, container, primary, secondary, roleAssignments };
}
