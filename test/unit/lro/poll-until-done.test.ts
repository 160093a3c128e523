import { expect } from "chai";
import type { JobPoll } from "../../../provider/client/authoring-client";
import { LanguageApiError } from "../../../provider/client/language-api-error";
import { type JobState, type JobStatus, jobStatusSchema, type TrainingJobState } from "../../../provider/contract";
import { JobDeadlineError, JobFailedError } from "../../../provider/lro/job-errors";
import { type JobProgress, pollUntilDone, type PollOptions } from "../../../provider/lro/poll-until-done";
import { FakeClock } from "../../support/fake-clock";

const statusUrl =
    "http://127.0.0.1:7070/secondary/language/authoring/analyze-text/projects/faq/train/jobs/j1?api-version=2023-04-01";

function job(status: JobStatus, extra: Partial<JobState> = {}): JobState {
    return {
        jobId: "j1",
        createdDateTime: "2026-11-22T08:00:00Z",
        lastUpdatedDateTime: "2026-11-22T08:00:00Z",
        status,
        ...extra,
    };
}

/** A poll function answering from a script: a state, a state with Retry-After, or an error. */
function scriptedPolls<State extends JobState>(...answers: (State | JobPoll<State> | Error)[]) {
    const polled: string[] = [];
    const poll = async (url: string): Promise<JobPoll<State>> => {
        polled.push(url);
        const answer = answers.shift();
        if (!answer) throw new Error("polled past the script");
        if (answer instanceof Error) throw answer;
        return isPoll(answer) ? answer : { state: answer };
    };
    return { poll, polled };
}

function isPoll<State extends JobState>(answer: State | JobPoll<State>): answer is JobPoll<State> {
    return !("jobId" in answer);
}

function options<State extends JobState>(
    poll: PollOptions<State>["poll"],
    clock: FakeClock,
    extra: Partial<PollOptions<State>> = {},
): PollOptions<State> {
    return {
        operation: 'training project "faq"',
        statusUrl,
        poll,
        clock,
        deadline: clock.now() + 600_000,
        schedule: { firstMs: 500, intervalMs: 1000, maxMs: 8000 },
        ...extra,
    };
}

async function rejection(promise: Promise<unknown>): Promise<Error> {
    try {
        await promise;
    } catch (error) {
        return error as Error;
    }
    throw new Error("expected a rejection");
}

describe("pollUntilDone", () => {
    // One row per status: what the poller does when the job reports it.
    const rows: Record<JobStatus, "keeps polling" | "returns" | "throws"> = {
        notStarted: "keeps polling",
        running: "keeps polling",
        cancelling: "keeps polling",
        succeeded: "returns",
        failed: "throws",
        cancelled: "throws",
        partiallyCompleted: "throws",
    };
    for (const status of jobStatusSchema.options) {
        it(`${rows[status]} on ${status}`, async () => {
            const clock = new FakeClock();
            const { poll, polled } = scriptedPolls(job(status), job("succeeded"));
            const outcome = await pollUntilDone(options(poll, clock)).then(
                () => "returned",
                (error) => error,
            );
            if (rows[status] === "throws") {
                expect(outcome).to.be.instanceOf(JobFailedError);
                expect(polled).to.have.length(1);
            } else {
                expect(outcome).to.equal("returned");
                expect(polled).to.have.length(rows[status] === "returns" ? 1 : 2);
            }
        });
    }

    it("looks first after the schedule's first wait, then backs off from its interval to the maximum", async () => {
        const clock = new FakeClock();
        const { poll } = scriptedPolls(
            job("notStarted"),
            ...Array.from({ length: 6 }, () => job("running")),
            job("succeeded"),
        );
        await pollUntilDone(options(poll, clock));
        // The documented rule, not its rounding: the first wait, then the interval growing by half up to the maximum.
        const [first, ...backoff] = clock.sleeps;
        expect(first).to.equal(500);
        expect(backoff[0]).to.equal(1000);
        for (let at = 1; at < backoff.length; at++) {
            expect(backoff[at], `wait ${at + 1}`).to.be.closeTo(Math.min(backoff[at - 1]! * 1.5, 8000), 1);
        }
        expect(backoff.at(-1)).to.equal(8000);
    });

    it("waits what Retry-After asked for, within the maximum interval", async () => {
        const clock = new FakeClock();
        const { poll } = scriptedPolls(
            { state: job("running"), retryAfterMs: 3000 },
            { state: job("running"), retryAfterMs: 60_000 },
            job("succeeded"),
        );
        await pollUntilDone(options(poll, clock));
        expect(clock.sleeps).to.deep.equal([500, 3000, 8000]);
    });

    it("aims the next poll at when the job says it ends, within the maximum, backing off when it does not say", async () => {
        const clock = new FakeClock();
        const { poll } = scriptedPolls(
            job("running"),
            job("running"),
            job("running"),
            job("running"),
            job("succeeded"),
        );
        const remaining = [20_000, 300, undefined, 60_000];
        await pollUntilDone(options(poll, clock, { remainingOf: () => remaining.shift() }));
        expect(clock.sleeps).to.deep.equal([500, 8000, 300, 1000, 8000]);
    });

    it("refuses to run without a deadline", async () => {
        const clock = new FakeClock();
        const { poll, polled } = scriptedPolls(job("succeeded"));
        const error = await rejection(pollUntilDone(options(poll, clock, { deadline: Number.POSITIVE_INFINITY })));
        expect(error.message).to.include("needs a finite deadline");
        expect(polled).to.have.length(0);
    });

    it("gives up at the deadline with the last status and a way to resume", async () => {
        const clock = new FakeClock();
        const polls = Array.from({ length: 50 }, () => job("running"));
        const { poll } = scriptedPolls(...polls);
        const error = await rejection(pollUntilDone(options(poll, clock, { deadline: clock.now() + 20_000 })));
        expect(error).to.be.instanceOf(JobDeadlineError);
        expect(error.message).to.equal(
            'training project "faq": gave up after 20s: job j1 was still running; the next run resumes waiting for it',
        );
        expect((error as JobDeadlineError).statusUrl).to.equal(statusUrl);
    });

    it("stops when aborted", async () => {
        const clock = new FakeClock();
        const controller = new AbortController();
        const { poll } = scriptedPolls(job("running"), job("running"));
        clock.sleep = async () => controller.abort(new Error("interrupted"));
        const error = await rejection(pollUntilDone(options(poll, clock, { signal: controller.signal })));
        expect(error.message).to.equal("interrupted");
    });

    it("polls again after a 404 on the first poll, then succeeds", async () => {
        const clock = new FakeClock();
        const notFound = new LanguageApiError({
            operation: "polling",
            resource: "r",
            status: 404,
            code: "NotFound",
            serviceMessage: "",
            innerCodes: [],
            isRetryable: false,
        });
        const { poll, polled } = scriptedPolls(notFound, job("succeeded"));
        const state = await pollUntilDone(options(poll, clock));
        expect(state.status).to.equal("succeeded");
        expect(polled).to.deep.equal([statusUrl, statusUrl]);
    });

    it("resumes from a stored status URL, following it exactly", async () => {
        const clock = new FakeClock();
        const stored = `${statusUrl}&resumed=1`;
        const { poll, polled } = scriptedPolls(job("running"), job("succeeded"));
        await pollUntilDone(options(poll, clock, { statusUrl: stored }));
        expect(polled).to.deep.equal([stored, stored]);
    });

    it("turns a failed job into one readable message with the innererror chain", async () => {
        const clock = new FakeClock();
        const errors = [
            {
                code: "InvalidRequest",
                message: "Training failed.",
                innererror: {
                    code: "MissingInputDocuments",
                    message: "doc3.txt is missing",
                    innererror: { code: "BlobNotFound" },
                },
            },
            { code: "Warning", message: "Few utterances", target: "intents/Greet" },
        ];
        const { poll } = scriptedPolls(job("failed", { errors }));
        const error = (await rejection(pollUntilDone(options(poll, clock)))) as JobFailedError;
        expect(error.message).to.equal(
            'training project "faq": job j1 ended failed: InvalidRequest: Training failed. > MissingInputDocuments: doc3.txt is missing > BlobNotFound; Warning: Few utterances (target intents/Greet)',
        );
        expect(error.codes).to.deep.equal(["InvalidRequest", "MissingInputDocuments", "BlobNotFound", "Warning"]);
    });

    it("reports progress with percentComplete once per change", async () => {
        const clock = new FakeClock();
        const training = (status: JobStatus, percent: number): TrainingJobState => ({
            ...job(status),
            result: {
                modelLabel: "m",
                trainingConfigVersion: "latest",
                trainingStatus: { percentComplete: percent, status },
            },
        });
        const { poll } = scriptedPolls(
            training("running", 10),
            training("running", 10),
            training("running", 60),
            training("succeeded", 100),
        );
        const seen: JobProgress[] = [];
        await pollUntilDone(
            options(poll, clock, {
                percentOf: (s) => s.result.trainingStatus.percentComplete,
                onProgress: (p) => seen.push(p),
            }),
        );
        expect(seen.map((p) => `${p.status}:${p.percentComplete}`)).to.deep.equal([
            "running:10",
            "running:60",
            "succeeded:100",
        ]);
        expect(seen[0]).to.include({ jobId: "j1", operation: 'training project "faq"' });
    });
});
