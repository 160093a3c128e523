import { type AuthoringRegion, authoringRegions } from "./authoring-regions";

/** Custom subdomains are DNS labels. */
const dnsLabelMaxLength = 63;
const longestRegion = Math.max(...authoringRegions.map((region) => region.length));

/** The longest namePrefix for which every `<namePrefix>-<region>` is still a DNS label. */
export const namePrefixMaxLength = dnsLabelMaxLength - "-".length - longestRegion;

/**
 * The Language account name, also its custom subdomain (so the endpoint names the account).
 * The region is part of it: moving a replica to another region then creates a new name rather
 * than colliding with the old account, which soft delete keeps reserved for 48 hours.
 */
export function languageAccountName(namePrefix: string, region: string): string {
    return `${namePrefix}-${region}`;
}

/** Storage account names are 3-24 lowercase letters and digits, globally unique. */
export function storageAccountName(namePrefix: string): string {
    const suffix = "docs";
    return namePrefix.replace(/[^a-z0-9]/g, "").slice(0, 24 - suffix.length) + suffix;
}

/** Short region codes, so an account name of the region still has room for the prefix. */
const regionCodes: Readonly<Record<AuthoringRegion, string>> = {
    eastus: "eus",
    eastus2: "eus2",
    westus2: "wus2",
    westus3: "wus3",
    westeurope: "weu",
    northeurope: "neu",
    uksouth: "uks",
    switzerlandnorth: "chn",
    australiaeast: "aue",
    centralindia: "inc",
    canadacentral: "cac",
    southcentralus: "scus",
};

/** The documents' storage account of one region (with `storagePerRegion`): `<prefix><region code>docs`. */
export function regionStorageAccountName(namePrefix: string, region: AuthoringRegion): string {
    const suffix = `${regionCodes[region]}docs`;
    return namePrefix.replace(/[^a-z0-9]/g, "").slice(0, 24 - suffix.length) + suffix;
}

export function defaultResourceGroupName(namePrefix: string): string {
    return `rg-${namePrefix}`;
}
