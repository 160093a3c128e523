import type { TokenCredential } from "@azure/identity";
import { createFailoverClient, type FailoverClient, type FailoverClientExtras } from "../../../../runtime";
import type { FailoverClientInput } from "../../../../runtime/failover-options";
import { deployReplicatedSamples } from "../../emulator/support/replicated-samples";
import { startTestBed, type TestBed } from "../../emulator/support/test-bed";

/** The bearer token the emulator's resources accept, standing in for one from Microsoft Entra ID. */
export const acceptedToken = "eyJ0eXAiOiJKV1QifQ.failover-client.signature";

/** A token credential that hands out one fixed token. */
export function fixedToken(token: string): TokenCredential {
    return { getToken: async () => ({ token, expiresOnTimestamp: Date.now() + 3_600_000 }) };
}

/** Short enough that no test waits long: a probe a third of a second after the breaker opens. */
export const testBreaker = { failureThreshold: 3, halfOpenAfterMs: 300 };

/** The emulator with every sample project on the primary and replicated to the secondary. */
export async function startFailoverBed(): Promise<TestBed> {
    const bed = await startTestBed({ withStorage: true, jobTiming: { mode: "instant" }, entraTokens: [acceptedToken] });
    try {
        await deployReplicatedSamples(bed);
        return bed;
    } catch (error) {
        await bed.stop();
        throw error;
    }
}

/** A failover client of one sample project, with the resources' keys and the test's breaker. */
export function keyClient(
    bed: TestBed,
    projectName: string,
    options: Partial<FailoverClientInput> = {},
    extras: FailoverClientExtras = {},
): FailoverClient {
    const connection = (name: string) => ({ endpoint: bed.resource(name).endpoint, key: bed.resource(name).keys[0] });
    return createFailoverClient(
        {
            primary: connection("primary"),
            secondary: connection("secondary"),
            projectName,
            deploymentName: "production",
            breaker: testBreaker,
            requestTimeoutMs: 250,
            textJobTimeoutMs: 500,
            textPollIntervalMs: 10,
            ...options,
        },
        extras,
    );
}
