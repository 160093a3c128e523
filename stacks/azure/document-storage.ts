import * as storage from "@pulumi/azure-native/storage";
import * as pulumi from "@pulumi/pulumi";
import type { AuthoringRegion } from "./authoring-regions";
import type { AzureConfig } from "./config";
import { regionStorageAccountName, storageAccountName } from "./resource-names";

/** A storage account holding custom text documents, and its container. */
export interface DocumentStorage {
    account: storage.StorageAccount;
    container: storage.BlobContainer;
    /** `https://<account>.blob.core.windows.net/`, as the replicas reach it with Entra ID. */
    blobEndpoint: pulumi.Output<string>;
}

/**
 * One account for both Language resources, as Microsoft recommends for custom text projects.
 * That makes it a single point of failure for their documents, so it is geo-redundant: a copy
 * is kept in the paired region, readable there and promoted by a storage account failover.
 */
export function createSharedStorage(config: AzureConfig, resourceGroupName: pulumi.Input<string>): DocumentStorage {
    return createDocumentStorage("documents", {
        accountName: storageAccountName(config.namePrefix),
        region: config.primaryRegion,
        sku: storage.SkuName.Standard_RAGRS,
        containerName: config.storageContainerName,
        resourceGroupName,
    });
}

/**
 * The account of one region, linked only to that region's Language resource: the secondary's
 * documents are copies, so its region stands alone when the primary's is down. Within the region
 * it is zone-redundant; every authoring region of `authoring-regions.ts` offers ZRS (Learn "Azure
 * regions that support zone-redundant storage (ZRS)").
 */
export function createRegionStorage(
    side: "primary" | "secondary",
    region: AuthoringRegion,
    config: AzureConfig,
    resourceGroupName: pulumi.Input<string>,
): DocumentStorage {
    return createDocumentStorage(`documents-${side}`, {
        accountName: regionStorageAccountName(config.namePrefix, region),
        region,
        sku: storage.SkuName.Standard_ZRS,
        containerName: config.storageContainerName,
        resourceGroupName,
    });
}

interface DocumentStorageArgs {
    accountName: string;
    region: string;
    sku: storage.SkuName;
    containerName: string;
    resourceGroupName: pulumi.Input<string>;
}

function createDocumentStorage(name: string, args: DocumentStorageArgs): DocumentStorage {
    const account = new storage.StorageAccount(name, {
        accountName: args.accountName,
        resourceGroupName: args.resourceGroupName,
        location: args.region,
        kind: storage.Kind.StorageV2,
        sku: { name: args.sku },
        allowBlobPublicAccess: false,
        minimumTlsVersion: storage.MinimumTlsVersion.TLS1_2,
    });
    const container = new storage.BlobContainer(name, {
        containerName: args.containerName,
        accountName: account.name,
        resourceGroupName: args.resourceGroupName,
        publicAccess: storage.PublicAccess.None,
    });
    const blobEndpoint = account.primaryEndpoints.apply((endpoints) => {
        if (endpoints?.blob === undefined) {
            throw new Error(`reading the blob endpoint of storage account ${args.accountName}: ARM returned none`);
        }
        return endpoints.blob;
    });
    return { account, container, blobEndpoint };
}
