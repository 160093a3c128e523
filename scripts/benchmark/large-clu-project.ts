import type { ExportedProject } from "../../provider/contract";

/** A small, seeded generator (mulberry32): the same seed gives the same project on every machine. */
function randomFrom(seed: number): () => number {
    let state = seed >>> 0;
    return () => {
        state = (state + 0x6d2b79f5) >>> 0;
        let t = state;
        t = Math.imul(t ^ (t >>> 15), t | 1);
        t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
        return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
    };
}

const verbs = ["book", "cancel", "change", "find", "show", "move", "check", "reserve", "upgrade", "refund"];
const things = [
    "flight",
    "hotel",
    "train ticket",
    "rental car",
    "seat",
    "meal",
    "lounge pass",
    "tour",
    "ferry",
    "taxi",
];
const fillers = ["please", "for me", "as soon as possible", "if you can", "right now", "again", "for my family"];
const cities = ["Paris", "London", "Tokyo", "Lisbon", "Berlin", "Madrid", "Oslo", "Rome", "Vienna", "Prague"];
const days = ["monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday", "tomorrow"];

/** Intents and entities of the generated project, within the service's limits (500 of each). */
const intentCount = 200;
const entityCategories = ["City", "Day", "Item", "BookingCode"];

/**
 * A CLU project of `utterances` labelled utterances (the service's maximum is 50,000, which
 * exports to about 18 MB), generated, never stored: travel requests over 200 intents, each
 * utterance with four or five entity labels whose offsets point into its text.
 */
export function largeCluProject(projectName: string, utterances: number, seed = 16): ExportedProject {
    const random = randomFrom(seed);
    const pick = <T>(list: readonly T[]) => list[Math.floor(random() * list.length)]!;
    const intents = Array.from({ length: intentCount }, (_, index) => ({ category: `Intent${index}` }));
    return {
        projectFileVersion: "2023-04-01",
        stringIndexType: "Utf16CodeUnit",
        metadata: {
            projectKind: "Conversation",
            projectName,
            language: "en-us",
            settings: { confidenceThreshold: 0.3 },
        },
        assets: {
            projectKind: "Conversation",
            intents,
            entities: entityCategories.map((category) => ({ category })),
            utterances: Array.from({ length: utterances }, (_, index) => {
                const parts: [string, string | undefined][] = [
                    [`${pick(verbs)} a`, undefined],
                    [pick(things), "Item"],
                    ["to", undefined],
                    [pick(cities), "City"],
                    ["on", undefined],
                    [pick(days), "Day"],
                ];
                if (random() < 0.5) parts.push(["from", undefined], [pick(cities), "City"]);
                parts.push(["with code", undefined], [`AB${String(index).padStart(6, "0")}`, "BookingCode"]);
                parts.push([pick(fillers), undefined]);
                let text = "";
                const entities: { category: string; offset: number; length: number }[] = [];
                for (const [part, category] of parts) {
                    if (text) text += " ";
                    if (category) entities.push({ category, offset: text.length, length: part.length });
                    text += part;
                }
                const intent = intents[Math.floor(random() * intentCount)]!.category;
                return {
                    text: `${text} #${index}`,
                    intent,
                    language: "en-us",
                    dataset: random() < 0.8 ? "Train" : "Test",
                    entities,
                };
            }),
        },
    };
}
