import { AuthoringClient, type JobPoll } from "../../../../provider/client/authoring-client";
import type { Clock } from "../../../../provider/client/clock";
import type { RateLimits } from "../../../../provider/client/rate-limiter";
import type { RetryPolicy } from "../../../../provider/client/retry-policy";
import { LanguageTransport } from "../../../../provider/client/transport";
import type { ApiFamily, ApiVersion, JobState, TrainingJobState } from "../../../../provider/contract";
import { pollUntilDone, type JobProgress, type PollSchedule } from "../../../../provider/lro/poll-until-done";
import type { ManualClock } from "../../../../emulator/jobs/clock";
import type { TestBed } from "../../emulator/support/test-bed";
import { testSignal } from "../../../support/test-signal";

/**
 * The client's clock for tests that must not wait: every sleep is recorded and returns at once.
 * Linked to the emulator's ManualClock, a sleep moves the emulator's time too, so Retry-After and
 * rate-limit windows pass on both sides of the wire together.
 */
export class SteppingClock implements Clock {
    readonly sleeps: number[] = [];

    constructor(private readonly emulatorClock?: ManualClock) {}

    now(): number {
        return this.emulatorClock?.now() ?? Date.now();
    }

    async sleep(ms: number, signal?: AbortSignal): Promise<void> {
        signal?.throwIfAborted();
        this.sleeps.push(ms);
        this.emulatorClock?.advance(ms);
    }
}

export interface ClientOptions {
    /** The resource's first key unless given. */
    key?: string;
    /** Off unless given: most tests run with the emulator's throttling off too. */
    rateLimits?: RateLimits | false;
    retry?: Partial<RetryPolicy>;
    clock?: Clock;
    /** Overrides the resource's endpoint (e.g. a resource the emulator does not host). */
    endpoint?: string;
}

/** Backoff without jitter, so the waits a test sees are exactly 1 s, 2 s, 4 s ... */
export const steadyRetry: Partial<RetryPolicy> = { random: () => 0.5 };

/** The project's own client (got over loopback) for one resource, family and api-version of the bed. */
export function clientFor(
    bed: TestBed,
    resourceName: string,
    family: ApiFamily,
    apiVersion: ApiVersion,
    options: ClientOptions = {},
): AuthoringClient {
    const resource = bed.resource(resourceName);
    const transport = new LanguageTransport({
        endpoint: options.endpoint ?? resource.endpoint,
        credentials: { kind: "key", key: options.key ?? resource.keys[0] },
        rateLimits: options.rateLimits ?? false,
        retry: { ...steadyRetry, ...options.retry },
        // Never the real clock: a retry the test did not expect must not make it sleep.
        clock: options.clock ?? new SteppingClock(),
    });
    return new AuthoringClient(transport, family, apiVersion);
}

export interface WaitOptions {
    /** Every status change the poller reports, for tests on progress. */
    progress?: JobProgress[];
    /** From now, by the client's clock; 5 s unless given. */
    deadlineMs?: number;
    /** At once, then 1 ms growing to 5 ms, unless given. */
    schedule?: PollSchedule;
}

/** pollUntilDone for any job but training, with short intervals and a deadline a few seconds out. */
export function waitForJob(
    client: AuthoringClient,
    statusUrl: string,
    operation: string,
    options: WaitOptions = {},
): Promise<JobState> {
    return poll(client, statusUrl, operation, (url, signal) => client.pollJob(url, operation, signal), options);
}

/** pollUntilDone for a training job, reporting its percent complete. */
export function waitForTraining(
    client: AuthoringClient,
    statusUrl: string,
    operation: string,
    options: WaitOptions = {},
): Promise<TrainingJobState> {
    return poll(
        client,
        statusUrl,
        operation,
        (url, signal) => client.pollTrainingJob(url, operation, signal),
        options,
        (job) => job.result.trainingStatus.percentComplete,
    );
}

function poll<State extends JobState>(
    client: AuthoringClient,
    statusUrl: string,
    operation: string,
    fetchState: (statusUrl: string, signal?: AbortSignal) => Promise<JobPoll<State>>,
    options: WaitOptions,
    percentOf?: (state: State) => number | undefined,
): Promise<State> {
    const clock = client.transport.clock;
    return pollUntilDone({
        operation,
        statusUrl,
        poll: fetchState,
        deadline: clock.now() + (options.deadlineMs ?? 5_000),
        clock,
        signal: testSignal(),
        schedule: options.schedule ?? { firstMs: 0, intervalMs: 1, maxMs: 5 },
        ...(percentOf === undefined ? {} : { percentOf }),
        onProgress: (progress) => options.progress?.push(progress),
    });
}

export { failureOf } from "../../../support/failure-of";
