import * as cognitiveservices from "@pulumi/azure-native/cognitiveservices";
import * as pulumi from "@pulumi/pulumi";
import { languageAccountName } from "./resource-names";

export interface LanguageAccountArgs {
    resourceGroupName: pulumi.Input<string>;
    region: string;
    namePrefix: string;
    sku: string;
    keyless: boolean;
    /** The storage account for custom text documents; the link can never be changed. */
    storageAccountId: pulumi.Input<string>;
}

/** A Language resource and what the replicas and role assignments need of it. */
export interface LanguageAccount {
    account: cognitiveservices.Account;
    region: string;
    endpoint: pulumi.Output<string>;
    /** The system-assigned identity, which reads and writes the linked storage. */
    principalId: pulumi.Output<string>;
    /** A resource key, secret; absent when keyless (local auth is then disabled). */
    key?: pulumi.Output<string>;
}

/** A Language (TextAnalytics) account with a custom subdomain, a managed identity and linked storage. */
export function createLanguageAccount(name: string, args: LanguageAccountArgs): LanguageAccount {
    const accountName = languageAccountName(args.namePrefix, args.region);
    const account = new cognitiveservices.Account(
        name,
        {
            accountName,
            resourceGroupName: args.resourceGroupName,
            location: args.region,
            kind: "TextAnalytics",
            sku: { name: args.sku },
            identity: { type: cognitiveservices.ResourceIdentityType.SystemAssigned },
            properties: {
                // Required for Entra ID auth and for the endpoint the replicas use; immutable.
                customSubDomainName: accountName,
                userOwnedStorage: [{ resourceId: args.storageAccountId }],
                disableLocalAuth: args.keyless,
                publicNetworkAccess: cognitiveservices.PublicNetworkAccess.Enabled,
            },
        },
        // A deleted account is soft-deleted and its name (and so its subdomain) stays taken for
        // 48 hours unless purged; azure-native does not purge. A replacement would therefore fail
        // to recreate it and leave the projects without a resource: deleting must be deliberate.
        { protect: true },
    );
    const endpoint = account.properties.apply((properties) => {
        if (properties.endpoint === undefined) {
            throw new Error(`reading the endpoint of Language account ${accountName}: ARM returned none`);
        }
        return properties.endpoint;
    });
    const principalId = account.identity.apply((identity) => {
        if (identity?.principalId === undefined) {
            throw new Error(
                `reading the identity of Language account ${accountName}: it has no system-assigned identity`,
            );
        }
        return identity.principalId;
    });
    return {
        account,
        region: args.region,
        endpoint,
        principalId,
        ...(!args.keyless && { key: primaryKey(account, accountName, args.resourceGroupName) }),
    };
}

/** Invoke results are not guaranteed to be marked secret, so the key is wrapped before anything sees it. */
function primaryKey(
    account: cognitiveservices.Account,
    accountName: string,
    resourceGroupName: pulumi.Input<string>,
): pulumi.Output<string> {
    const keys = cognitiveservices.listAccountKeysOutput({ accountName: account.name, resourceGroupName });
    return pulumi.secret(
        keys.apply((found) => {
            if (found.key1 === undefined) {
                throw new Error(`listing the keys of Language account ${accountName}: ARM returned no key1`);
            }
            return found.key1;
        }),
    );
}
