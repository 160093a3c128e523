import { expect } from "chai";
import type { RuntimeClient } from "../../../provider/client/runtime-client";
import type { ConversationTask, ProjectKind, TextAnalysisJobInput } from "../../../provider/contract";
import { type ProbedDeployment, type ProbeItem, probeParity } from "../../../provider/operations/parity-probe";
import { pollSchedules } from "../../../provider/operations/poll-schedules";
import { FakeClock } from "../../support/fake-clock";
import { failureOf } from "../../support/failure-of";
import { recordingContext } from "../../support/operation-bed";

/** A text document's answer as the service gives it, or the error it refused the document with. */
type DocumentAnswer = Record<string, unknown> | { refused: string } | "unanswered";

function refusalOf(answer: DocumentAnswer): string | undefined {
    return typeof answer === "object" && typeof answer.refused === "string" ? answer.refused : undefined;
}

/**
 * A deployment that answers from a table: the top intent of each utterance, or each document's
 * result; it keeps what it was sent. Predictions are what the probe compares, so a fake runtime
 * states them more plainly than trained models could.
 */
function deployment(
    resource: string,
    answers: { intents?: Record<string, string | undefined>; documents?: (text: string) => DocumentAnswer },
    options: { projectName?: string; deploymentName?: string; withoutResults?: boolean } = {},
) {
    const conversations: ConversationTask[] = [];
    const jobs: TextAnalysisJobInput[] = [];
    const polled: string[] = [];
    const runtime = {
        transport: { resourceLabel: resource },
        analyzeConversation: async (task: ConversationTask) => {
            conversations.push(task);
            const topIntent = answers.intents?.[task.analysisInput.conversationItem.text];
            return {
                kind: "ConversationResult",
                result: {
                    query: "",
                    prediction: {
                        projectKind: "Conversation",
                        ...(topIntent && { topIntent }),
                        intents: [],
                        entities: [],
                    },
                },
            };
        },
        startTextJob: async (input: TextAnalysisJobInput) => {
            jobs.push(input);
            return { statusUrl: `job-${jobs.length}` };
        },
        pollTextJob: async (statusUrl: string, operation: string) => {
            polled.push(operation);
            const input = jobs[Number(statusUrl.slice("job-".length)) - 1]!;
            const answered = input.analysisInput.documents.map((document) => ({
                id: document.id,
                answer: answers.documents!(document.text),
            }));
            const results = {
                errors: answered.flatMap(({ id, answer }) => {
                    const code = refusalOf(answer);
                    return code === undefined ? [] : [{ id, error: { code, message: "" } }];
                }),
                documents: answered.flatMap(({ id, answer }) =>
                    answer === "unanswered" || refusalOf(answer) !== undefined ? [] : [{ id, ...answer }],
                ),
            };
            const state = {
                jobId: statusUrl,
                status: "succeeded",
                tasks: { items: options.withoutResults ? [] : [{ kind: "LROResults", results }] },
            };
            return { state, retryAfterMs: undefined };
        },
    };
    const probed: ProbedDeployment = {
        runtime: runtime as unknown as RuntimeClient,
        projectName: options.projectName ?? "travel",
        deploymentName: options.deploymentName ?? "production",
    };
    return { probed, conversations, jobs, polled };
}

const itemsOf = (...texts: string[]): ProbeItem[] =>
    texts.map((text) => ({ name: `"${text}"`, text, language: "en-us" }));

describe("probeParity: the primary's and a candidate's deployment asked the same, answers compared", () => {
    const clock = new FakeClock();

    it("compares conversations' top intents, naming the first disagreements", async () => {
        const primary = deployment("primary", {
            intents: { a: "Book", b: "Cancel", c: "Greet", d: "Book", e: "None" },
        });
        const candidate = deployment(
            "secondary",
            { intents: { a: "Book", b: "Greet", c: undefined, d: "Cancel", e: "Book" } },
            { projectName: "travel-2", deploymentName: "staging" },
        );
        const result = await probeParity(
            "Conversation",
            itemsOf("a", "b", "c", "d", "e"),
            primary.probed,
            candidate.probed,
            recordingContext(clock),
        );
        expect(result).to.deep.equal({
            sampled: 5,
            agreed: 1,
            rate: 0.2,
            disagreements: ['"b": Cancel vs Greet', '"c": Greet vs (none)', '"d": Book vs Cancel'],
        });
        expect(candidate.conversations[0]).to.deep.equal({
            kind: "Conversation",
            analysisInput: {
                conversationItem: { id: "1", participantId: "parity-probe", text: "a", language: "en-us" },
            },
            parameters: { projectName: "travel-2", deploymentName: "staging" },
        });
        expect(primary.conversations.map((task) => task.parameters)).to.deep.include({
            projectName: "travel",
            deploymentName: "production",
        });
    });

    it("asks an orchestration's deployment as a conversation, and rates an empty sample 0", async () => {
        const primary = deployment("primary", { intents: { a: "Travel" } });
        const candidate = deployment("secondary", { intents: { a: "Travel" } });
        expect(
            await probeParity("Orchestration", itemsOf("a"), primary.probed, candidate.probed, recordingContext(clock)),
        ).to.deep.equal({
            sampled: 1,
            agreed: 1,
            rate: 1,
            disagreements: [],
        });
        expect(candidate.conversations).to.have.length(1);
        expect(
            (await probeParity("Orchestration", [], primary.probed, candidate.probed, recordingContext(clock))).rate,
        ).to.equal(0);
    });

    /** The text answers of two deployments, compared. */
    function textProbe(
        kind: ProjectKind,
        texts: string[],
        expected: (text: string) => DocumentAnswer,
        got: (text: string) => DocumentAnswer,
    ) {
        const primary = deployment("primary", { documents: expected });
        const candidate = deployment("secondary", { documents: got }, { deploymentName: "staging" });
        const clock = new FakeClock();
        return {
            primary,
            candidate,
            clock,
            result: probeParity(kind, itemsOf(...texts), primary.probed, candidate.probed, recordingContext(clock)),
        };
    }

    const classes = (...categories: string[]) => ({
        class: categories.map((category) => ({ category, confidenceScore: 0.9 })),
    });
    const entities = (...found: [string, number, number][]) => ({
        entities: found.map(([category, offset, length]) => ({
            category,
            offset,
            length,
            text: "",
            confidenceScore: 0.9,
        })),
    });

    it("compares a multi-label document's set of classes, whatever their order", async () => {
        const answers: Record<string, DocumentAnswer> = {
            a: classes("Sport", "News"),
            b: classes(),
            c: classes("Sport"),
            d: classes("Sport", "News"),
        };
        const theirs: Record<string, DocumentAnswer> = {
            a: classes("News", "Sport"),
            b: classes("Sport"),
            c: classes(),
            d: classes("Sport"),
        };
        const { result, candidate, clock } = textProbe(
            "CustomMultiLabelClassification",
            ["a", "b", "c", "d"],
            (text) => answers[text]!,
            (text) => theirs[text]!,
        );
        expect((await result).disagreements).to.deep.equal([
            '"b": (no class) vs Sport',
            '"c": Sport vs (no class)',
            '"d": News + Sport vs Sport',
        ]);
        expect(candidate.jobs).to.deep.equal([
            {
                displayName: "parity probe",
                analysisInput: {
                    documents: ["a", "b", "c", "d"].map((text, index) => ({
                        id: String(index),
                        text,
                        language: "en-us",
                    })),
                },
                tasks: [
                    {
                        kind: "CustomMultiLabelClassification",
                        parameters: { projectName: "travel", deploymentName: "staging" },
                    },
                ],
            },
        ]);
        expect(candidate.polled).to.deep.equal(['predicting with deployment "staging" of "travel" on secondary']);
        expect(clock.sleeps[0]).to.equal(pollSchedules.prediction.firstMs);
    });

    it("compares an entity document's entities by category and span, and says which documents were refused or unanswered", async () => {
        const answers: Record<string, DocumentAnswer> = {
            a: entities(["Rent", 10, 4], ["Party", 0, 5]),
            b: entities(["Rent", 10, 4], ["Party", 0, 5]),
            c: { refused: "InvalidDocument" },
            d: entities(),
            e: entities(),
        };
        const theirs: Record<string, DocumentAnswer> = {
            a: entities(["Party", 0, 5], ["Rent", 10, 4]),
            b: entities(["Rent", 10, 5], ["Party", 0, 5]),
            c: "unanswered",
            d: { entities: undefined } as unknown as DocumentAnswer,
            e: entities(["Party", 0, 5]),
        };
        const { result, candidate } = textProbe(
            "CustomEntityRecognition",
            ["a", "b", "c", "d", "e"],
            (text) => answers[text]!,
            (text) => theirs[text]!,
        );
        expect(await result).to.deep.equal({
            sampled: 5,
            agreed: 2,
            rate: 0.4,
            disagreements: [
                '"b": Party@0+5 Rent@10+4 vs Party@0+5 Rent@10+5',
                '"c": error InvalidDocument vs (no answer)',
                '"e": (no entity) vs Party@0+5',
            ],
        });
        expect(candidate.jobs[0]!.tasks).to.deep.equal([
            {
                kind: "CustomEntityRecognition",
                parameters: { projectName: "travel", deploymentName: "staging", stringIndexType: "Utf16CodeUnit" },
            },
        ]);
    });

    it("sends at most 25 documents and 125,000 characters in one job, keeping each answer with its document", async () => {
        const texts = [
            ...Array.from({ length: 25 }, (_, index) => `short ${index}`),
            "x".repeat(100_000),
            "y".repeat(25_000),
            "z".repeat(100_000),
            "w".repeat(50_000),
            "v".repeat(50_000),
            "u".repeat(60_000),
            "t".repeat(60_000),
            "s".repeat(10_000),
        ];
        const single = (text: string) => classes(text.startsWith("short") ? `C${text.slice(6)}` : text[0]!);
        const { result, candidate } = textProbe("CustomSingleLabelClassification", texts, single, single);
        expect((await result).agreed).to.equal(texts.length);
        expect(candidate.jobs.map((job) => job.analysisInput.documents.length)).to.deep.equal([25, 2, 1, 2, 2, 1]);
        expect(candidate.jobs[0]!.tasks[0]).to.deep.equal({
            kind: "CustomSingleLabelClassification",
            parameters: { projectName: "travel", deploymentName: "staging" },
        });
    });

    it("fails, naming the job, when a text job returns no results", async () => {
        const primary = deployment("primary", { documents: () => classes("A") }, { withoutResults: true });
        const candidate = deployment("secondary", { documents: () => classes("A") });
        const error = (await failureOf(
            probeParity(
                "CustomSingleLabelClassification",
                itemsOf("a"),
                primary.probed,
                candidate.probed,
                recordingContext(clock),
            ),
        )) as Error;
        expect(error.message).to.equal("the text analysis job job-1 returned no results");
    });
});
