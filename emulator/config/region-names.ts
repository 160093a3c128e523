/**
 * The readable names Azure gives the regions Language authoring runs in (as `az account
 * list-locations` spells them): the service answers with the name, not the id, in `x-ms-region`.
 */
const regionDisplayNames: Readonly<Record<string, string>> = {
    australiaeast: "Australia East",
    brazilsouth: "Brazil South",
    canadacentral: "Canada Central",
    centralindia: "Central India",
    centralus: "Central US",
    chinaeast2: "China East 2",
    eastasia: "East Asia",
    eastus: "East US",
    eastus2: "East US 2",
    francecentral: "France Central",
    germanywestcentral: "Germany West Central",
    italynorth: "Italy North",
    japaneast: "Japan East",
    japanwest: "Japan West",
    jioindiawest: "Jio India West",
    koreacentral: "Korea Central",
    northcentralus: "North Central US",
    northeurope: "North Europe",
    norwayeast: "Norway East",
    qatarcentral: "Qatar Central",
    southafricanorth: "South Africa North",
    southcentralus: "South Central US",
    southeastasia: "Southeast Asia",
    swedencentral: "Sweden Central",
    switzerlandnorth: "Switzerland North",
    uaenorth: "UAE North",
    uksouth: "UK South",
    westcentralus: "West Central US",
    westeurope: "West Europe",
    westus: "West US",
    westus2: "West US 2",
    westus3: "West US 3",
};

/** A region the table does not know keeps the name it was configured with. */
export function regionDisplayName(region: string): string {
    return regionDisplayNames[region.toLowerCase()] ?? region;
}
