import { AuthoringClient } from "../client/authoring-client";
import { type Credentials, entraCredentialOf } from "../client/credentials";
import { checkEndpoint } from "../client/endpoint";
import { predictionRateLimits } from "../client/rate-limiter";
import { RuntimeClient } from "../client/runtime-client";
import { LanguageTransport, type TransportOptions } from "../client/transport";
import { type ApiVersion, familyOfKind, type ProjectKind } from "../contract";
import type { Connection, ReplicationArgs } from "./inputs";

/** Builds the credentials of a connection: its key, or Microsoft Entra ID. */
export function credentialsOf(connection: Connection): Credentials {
    if (connection.key !== undefined) return { kind: "key", key: connection.key };
    return { kind: "entra", credential: entraCredentialOf(connection.entraId ?? {}) };
}

/** The endpoint of a connection in the one form used for comparisons and outputs. */
export function normalizedEndpoint(connection: Connection): string {
    const checked = checkEndpoint(connection.endpoint);
    if ("problem" in checked) throw new Error(checked.problem);
    return checked.endpoint;
}

/** How requests leave the process and how waits pass: the real ones unless a test injects its own. */
export type TransportIo = Pick<TransportOptions, "send" | "clock">;

/** A transport for one resource; every client of that resource in this process shares its rate limit. */
export function transportFor(
    connection: Connection,
    args: Pick<ReplicationArgs, "rateLimits">,
    io: TransportIo = {},
): LanguageTransport {
    return new LanguageTransport({
        endpoint: normalizedEndpoint(connection),
        credentials: credentialsOf(connection),
        rateLimits: args.rateLimits,
        ...io,
    });
}

/** The authoring client of a resource for the family of a project kind. */
export function clientFor(
    connection: Connection,
    kind: ProjectKind,
    args: Pick<ReplicationArgs, "rateLimits"> & { apiVersion: ApiVersion },
    io: TransportIo = {},
): AuthoringClient {
    return new AuthoringClient(transportFor(connection, args, io), familyOfKind(kind), args.apiVersion);
}

/** The prediction client of a resource, counting against its prediction budget, not the authoring one. */
export function runtimeClientFor(connection: Connection, io: TransportIo = {}): RuntimeClient {
    return new RuntimeClient(
        new LanguageTransport({
            endpoint: normalizedEndpoint(connection),
            credentials: credentialsOf(connection),
            rateLimits: predictionRateLimits,
            budget: "prediction",
            ...io,
        }),
    );
}
