import { unknownValue } from "@pulumi/pulumi/runtime/rpc";
import { redact } from "../client/redact";
import type { CheckFailure } from "./check-failures";

/** The secrets of a storage account's access (`documents.source`, `documents.target`). */
const storageSecrets = (side: string) => [
    ["documents", side, "connectionString"],
    ["documents", side, "sasToken"],
    ["documents", side, "entraId", "clientSecret"],
];

/** Where secrets belong in the inputs. */
const secretPaths: readonly (readonly string[])[] = [
    ["primary", "key"],
    ["secondary", "key"],
    ["primary", "entraId", "clientSecret"],
    ["secondary", "entraId", "clientSecret"],
    ["promotion", "parity", "documents", "connectionString"],
    ...storageSecrets("source"),
    ...storageSecrets("target"),
];

/**
 * Shorter values are not looked for elsewhere: they would match ordinary words in names and
 * messages, and no resource key or client secret is that short.
 */
const minSecretLength = 8;

export interface InputSecret {
    path: string;
    value: string;
}

/** The secrets the inputs hold, whatever shape the rest of them has. */
export function secretsIn(inputs: unknown): InputSecret[] {
    return secretPaths.flatMap((path) => {
        const value = path.reduce<unknown>((node, key) => (isRecord(node) ? node[key] : undefined), inputs);
        return typeof value === "string" && value.length >= minSecretLength && value !== unknownValue
            ? [{ path: path.join("."), value }]
            : [];
    });
}

/**
 * A secret found in any other input (a key pasted as the endpoint or a project name) would be
 * sent in a URL, written to state in plain text and repeated in messages: refused, naming the
 * field it sits in and where it belongs, never the value.
 */
export function misplacedSecrets(inputs: unknown, secrets: readonly InputSecret[]): CheckFailure[] {
    const secretLocations = new Set(secrets.map((secret) => secret.path));
    return stringLeaves(inputs, []).flatMap(({ path, text }) => {
        if (secretLocations.has(path)) return [];
        const found = secrets.find((secret) => text.includes(secret.value));
        return found
            ? [{ property: path, reason: `holds the value of ${found.path}; a secret belongs only there` }]
            : [];
    });
}

/**
 * The last safeguard: whatever a failure says, it never carries a secret of the inputs. Nor does
 * the engine print one beside it: for a failure whose property is a top-level input, it prints
 * that input's value, so such a property is then given in the bracket form of a property path
 * (`["projectName"]`), which names the same field but which the engine does not look up.
 */
export function withoutSecrets(
    failures: readonly CheckFailure[],
    secrets: readonly InputSecret[],
    inputs: Record<string, unknown>,
): CheckFailure[] {
    const values = secrets.map((secret) => secret.value);
    const holdsSecret = (value: unknown) =>
        stringLeaves(value, []).some(({ text }) => values.some((secret) => text.includes(secret)));
    return failures.map(({ property, reason }) => ({
        property:
            Object.hasOwn(inputs, property) && holdsSecret(inputs[property])
                ? `["${property}"]`
                : redact(property, values),
        reason: redact(reason, values),
    }));
}

function stringLeaves(value: unknown, path: string[]): { path: string; text: string }[] {
    if (typeof value === "string") return [{ path: path.join("."), text: value }];
    if (Array.isArray(value)) return value.flatMap((item, index) => stringLeaves(item, [...path, String(index)]));
    if (isRecord(value)) return Object.entries(value).flatMap(([key, item]) => stringLeaves(item, [...path, key]));
    return [];
}

function isRecord(value: unknown): value is Record<string, unknown> {
    return value !== null && typeof value === "object" && !Array.isArray(value);
}
