import { AuthoringClient } from "../../provider/client/authoring-client";
import { LanguageTransport } from "../../provider/client/transport";
import type { ApiFamily, ApiVersion } from "../../provider/contract";
import type { PollSchedule } from "../../provider/lro/poll-until-done";
import type { OperationContext } from "../../provider/operations/operation-context";
import { travelClu } from "../../stacks/local/samples/travel-clu";
import { FakeClock } from "./fake-clock";
import { InProcessEmulator } from "./in-process-emulator";
import { scriptedSend } from "./scripted-send";

/** The sample the operations' tests work on: a conversations project, deployed as "production". */
export const project = travelClu.file.metadata.projectName;

/** An authoring client of one of the emulator's resources. */
export function authoringClientOf(
    emulator: InProcessEmulator,
    resource: "primary" | "secondary",
    family: ApiFamily = "analyze-conversations",
    apiVersion: ApiVersion = "2023-04-01",
): AuthoringClient {
    const { endpoint, key } = emulator.connection(resource);
    const transport = new LanguageTransport({
        endpoint,
        credentials: { kind: "key", key },
        rateLimits: false,
        ...emulator.io,
    });
    return new AuthoringClient(transport, family, apiVersion);
}

/** An operation context on a fake clock that keeps what the operation told the user. */
export function recordingContext(
    clock: FakeClock,
    options: { polling?: PollSchedule; deadlineMs?: number } = {},
): OperationContext & { logged: string[]; progressed: string[] } {
    const logged: string[] = [];
    const progressed: string[] = [];
    return {
        clock,
        ...(options.polling && { polling: options.polling }),
        deadline: clock.now() + (options.deadlineMs ?? 10 * 60_000),
        log: (line) => logged.push(line),
        progress: (line) => progressed.push(line),
        logged,
        progressed,
    };
}

/**
 * The emulator in process with the sample imported, trained and deployed on the resources named
 * (the primary is then guarded), its request log and the clock's waits cleared: what a test sees is its own.
 */
export async function seededEmulator(
    resources: readonly ("primary" | "secondary")[] = ["primary"],
): Promise<InProcessEmulator> {
    const emulator = new InProcessEmulator({ jobTiming: { mode: "afterPolls", polls: 2 } });
    for (const resource of resources) {
        await emulator.seedTravelSample(resource);
    }
    emulator.guardPrimary();
    emulator.forget();
    emulator.clock.sleeps.length = 0;
    return emulator;
}

/** The endpoint of the scripted resource: nothing listens there, the script answers. */
export const scriptedEndpoint = "http://127.0.0.1:7070/secondary";

/**
 * A conversations authoring client whose requests a script answers, in order, for what the
 * emulator cannot be made to say (a job without a result, an evaluation that lags).
 */
export function scriptedClient(...script: Parameters<typeof scriptedSend>) {
    return scriptedClientOf("analyze-conversations", ...script);
}

/** A scripted authoring client of either family. */
export function scriptedClientOf(family: ApiFamily, ...script: Parameters<typeof scriptedSend>) {
    const scripted = scriptedSend(...script);
    const clock = new FakeClock();
    const transport = new LanguageTransport({
        endpoint: scriptedEndpoint,
        credentials: { kind: "key", key: "k" },
        send: scripted.send,
        clock,
        rateLimits: false,
    });
    return { client: new AuthoringClient(transport, family, "2023-04-01"), clock, ...scripted };
}
