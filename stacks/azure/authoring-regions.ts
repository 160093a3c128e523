/**
 * Regions where custom Language projects (conversational language understanding, orchestration
 * workflow, custom text classification, custom named entity recognition) can be authored:
 * imported, trained and deployed. The replica is imported and trained, so both Language resources
 * must be in one of these; prediction-only regions can serve a model only through multi-region
 * deployment, which this stack does not use.
 *
 * Source: Microsoft Learn, Azure AI Language "Regional support"
 * (https://learn.microsoft.com/azure/ai-services/language-service/concepts/regional-support):
 * the regions it lists for authoring custom projects. Check that page before adding one.
 */
export const authoringRegions = [
    "eastus",
    "eastus2",
    "westus2",
    "westus3",
    "westeurope",
    "northeurope",
    "uksouth",
    "switzerlandnorth",
    "australiaeast",
    "centralindia",
    "canadacentral",
    "southcentralus",
] as const;

export type AuthoringRegion = (typeof authoringRegions)[number];
