import { sampleContainerName, type SampleProject, span } from "./sample-project";

const tickets: Record<string, [string, string]> = {
    "tickets/ticket-01.txt": ["I was charged twice for my subscription this month.", "Billing"],
    "tickets/ticket-02.txt": ["The invoice shows the wrong VAT number.", "Billing"],
    "tickets/ticket-03.txt": ["The app crashes when I open the settings page.", "Technical"],
    "tickets/ticket-04.txt": ["Sync fails with error 500 since the last update.", "Technical"],
    "tickets/ticket-05.txt": ["I cannot reset my password, the link has expired.", "Account"],
    "tickets/ticket-06.txt": ["Please close my account and delete my data.", "Account"],
};

/** Custom text classification, one class per document. */
export const supportTickets: SampleProject = {
    documents: Object.fromEntries(Object.entries(tickets).map(([location, [text]]) => [location, text])),
    file: {
        projectFileVersion: "2023-04-01",
        stringIndexType: "Utf16CodeUnit",
        metadata: {
            projectKind: "CustomSingleLabelClassification",
            projectName: "support-tickets",
            language: "en-us",
            storageInputContainerName: sampleContainerName,
        },
        assets: {
            projectKind: "CustomSingleLabelClassification",
            classes: [{ category: "Billing" }, { category: "Technical" }, { category: "Account" }],
            documents: Object.entries(tickets).map(([location, [, category]]) => ({
                location,
                language: "en-us",
                dataset: "Train" as const,
                class: { category },
            })),
        },
    },
};

const plots: Record<string, [string, string[]]> = {
    "movies/plot-01.txt": [
        "A retired agent returns for one last heist and trades jokes with his rival.",
        ["Action", "Comedy"],
    ],
    "movies/plot-02.txt": ["Two sisters rebuild their lives after the family farm is sold.", ["Drama"]],
    "movies/plot-03.txt": ["A clumsy wedding planner mixes up two ceremonies on the same day.", ["Comedy"]],
    "movies/plot-04.txt": ["A pilot fights to land a burning plane while mourning her father.", ["Action", "Drama"]],
};

/** Custom text classification with several classes per document. */
export const movieGenres: SampleProject = {
    documents: Object.fromEntries(Object.entries(plots).map(([location, [text]]) => [location, text])),
    file: {
        projectFileVersion: "2023-04-01",
        stringIndexType: "Utf16CodeUnit",
        metadata: {
            projectKind: "CustomMultiLabelClassification",
            projectName: "movie-genres",
            language: "en-us",
            storageInputContainerName: sampleContainerName,
        },
        assets: {
            projectKind: "CustomMultiLabelClassification",
            classes: [{ category: "Action" }, { category: "Comedy" }, { category: "Drama" }],
            documents: Object.entries(plots).map(([location, [, classes]]) => ({
                location,
                language: "en-us",
                dataset: "Train" as const,
                classes: classes.map((category) => ({ category })),
            })),
        },
    },
};

const contracts: Record<string, [string, [string, string][]]> = {
    "contracts/contract-01.txt": [
        "This agreement between Contoso Ltd and Fabrikam Inc starts on 1 March 2026 for 12000 EUR.",
        [
            ["Contoso Ltd", "Party"],
            ["Fabrikam Inc", "Party"],
            ["1 March 2026", "Date"],
            ["12000 EUR", "Amount"],
        ],
    ],
    "contracts/contract-02.txt": [
        "Northwind Traders pays Adventure Works 4500 USD by 30 June 2026.",
        [
            ["Northwind Traders", "Party"],
            ["Adventure Works", "Party"],
            ["4500 USD", "Amount"],
            ["30 June 2026", "Date"],
        ],
    ],
    "contracts/contract-03.txt": [
        "Signed on 2 January 2026 by Tailspin Toys for a fee of 800 GBP.",
        [
            ["2 January 2026", "Date"],
            ["Tailspin Toys", "Party"],
            ["800 GBP", "Amount"],
        ],
    ],
};

/** Custom named entity recognition over contract texts. */
export const contractEntities: SampleProject = {
    documents: Object.fromEntries(Object.entries(contracts).map(([location, [text]]) => [location, text])),
    file: {
        projectFileVersion: "2023-04-01",
        stringIndexType: "Utf16CodeUnit",
        metadata: {
            projectKind: "CustomEntityRecognition",
            projectName: "contract-entities",
            language: "en-us",
            storageInputContainerName: sampleContainerName,
        },
        assets: {
            projectKind: "CustomEntityRecognition",
            entities: [{ category: "Party" }, { category: "Date" }, { category: "Amount" }],
            documents: Object.entries(contracts).map(([location, [text, labels]]) => ({
                location,
                language: "en-us",
                dataset: "Train" as const,
                entities: [
                    {
                        regionOffset: 0,
                        regionLength: text.length,
                        labels: labels.map(([part, category]) => span(text, part, category)),
                    },
                ],
            })),
        },
    },
};
