import { type SampleProject, span } from "./sample-project";

const utterance = (text: string, intent: string, ...entities: [string, string][]) => ({
    text,
    intent,
    language: "en-us",
    dataset: "Train" as const,
    entities: entities.map(([part, category]) => span(text, part, category)),
});

/** A conversational language understanding project with list, regex and prebuilt entity components. */
export const travelClu: SampleProject = {
    file: {
        projectFileVersion: "2023-04-01",
        stringIndexType: "Utf16CodeUnit",
        metadata: {
            projectKind: "Conversation",
            projectName: "travel-clu",
            language: "en-us",
            multilingual: false,
            description: "Books and cancels trips",
            settings: { confidenceThreshold: 0.3 },
        },
        assets: {
            projectKind: "Conversation",
            intents: [
                { category: "BookFlight" },
                { category: "CancelBooking" },
                { category: "Greeting" },
                { category: "None" },
            ],
            entities: [
                {
                    category: "City",
                    compositionSetting: "combineComponents",
                    list: {
                        sublists: [
                            { listKey: "Paris", synonyms: [{ language: "en-us", values: ["Paris", "CDG"] }] },
                            { listKey: "London", synonyms: [{ language: "en-us", values: ["London", "Heathrow"] }] },
                            { listKey: "Tokyo", synonyms: [{ language: "en-us", values: ["Tokyo", "Haneda"] }] },
                        ],
                    },
                },
                {
                    category: "BookingId",
                    regex: { expressions: [{ regexKey: "code", language: "en-us", regexPattern: "[A-Z]{2}\\d{6}" }] },
                    requiredComponents: ["regex"],
                },
                { category: "When", prebuilts: [{ category: "DateTime" }] },
            ],
            utterances: [
                utterance("book a flight to Paris tomorrow", "BookFlight", ["Paris", "City"], ["tomorrow", "When"]),
                utterance("I need to fly from London to Tokyo", "BookFlight", ["London", "City"], ["Tokyo", "City"]),
                utterance(
                    "get me a seat to Heathrow next friday",
                    "BookFlight",
                    ["Heathrow", "City"],
                    ["next friday", "When"],
                ),
                utterance("fly to Haneda", "BookFlight", ["Haneda", "City"]),
                utterance("cancel booking AB123456", "CancelBooking", ["AB123456", "BookingId"]),
                utterance("please cancel my trip XY654321", "CancelBooking", ["XY654321", "BookingId"]),
                utterance("I want to cancel my reservation", "CancelBooking"),
                utterance("hello there", "Greeting"),
                utterance("good morning", "Greeting"),
                utterance("hi", "Greeting"),
                utterance("what is the weather like", "None"),
                utterance("tell me a joke", "None"),
            ],
        },
    },
};
