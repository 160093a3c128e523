import type { PrebuiltEntity } from "../../provider/contract/prebuilt-entities";

/** A prebuilt component and the languages it supports; multilingual projects may use all of them. */
interface CatalogEntry extends PrebuiltEntity {
    readonly languages: readonly string[];
}

// A subset of Learn's CLU "supported prebuilt entity components", with our own examples.
const everyLanguage = ["en", "fr", "de", "es", "it", "pt", "nl", "ja", "zh"];
const catalog: readonly CatalogEntry[] = [
    {
        category: "Age",
        description: "Ages of people or things",
        examples: "10 years old, 23 months",
        languages: everyLanguage,
    },
    { category: "Currency", description: "Amounts of money", examples: "$10, 5 euros", languages: everyLanguage },
    {
        category: "DateTime",
        description: "Dates and times",
        examples: "tomorrow at 5 pm, June 6th",
        languages: everyLanguage,
    },
    {
        category: "Dimension",
        description: "Lengths, weights and other measures",
        examples: "3 miles, 12 kg",
        languages: everyLanguage,
    },
    { category: "Email", description: "Email addresses", examples: "user@example.com", languages: everyLanguage },
    { category: "Number", description: "Cardinal numbers", examples: "3, twelve, 4.5", languages: everyLanguage },
    { category: "Ordinal", description: "Ordinal numbers", examples: "first, 3rd", languages: everyLanguage },
    { category: "Percentage", description: "Percentages", examples: "10%, five percent", languages: everyLanguage },
    { category: "Person.Name", description: "Names of people", examples: "Ada Lovelace", languages: ["en"] },
    { category: "Phone.Number", description: "Telephone numbers", examples: "+1 425 555 0100", languages: ["en"] },
    { category: "Temperature", description: "Temperatures", examples: "20 degrees Celsius", languages: everyLanguage },
    { category: "URL", description: "Web addresses", examples: "https://example.com", languages: everyLanguage },
];

/** Components usable in a project of `language` (its base language counts, e.g. `en` for `en-us`). */
export function prebuiltEntitiesFor(selection: { multilingual: true } | { language: string }): PrebuiltEntity[] {
    const entries =
        "multilingual" in selection
            ? catalog
            : catalog.filter((entry) => entry.languages.includes(selection.language.toLowerCase().split("-")[0]!));
    return entries.map(({ category, description, examples }) => ({ category, description, examples }));
}
