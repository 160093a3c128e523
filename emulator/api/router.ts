import { apiFamilySchema, type ApiFamily } from "../../provider/contract";
import type { VersionFeatures } from "./api-version-features";
import type { RouteHandler } from "./route-context";

type FeatureFlag = {
    [Name in keyof VersionFeatures]: VersionFeatures[Name] extends boolean ? Name : never;
}[keyof VersionFeatures];

/** One operation: method, path below `/language/authoring/{family}/projects`, and its handler. */
export interface Route {
    readonly method: string;
    /** Segments separated by `/`; `{name}` matches one segment. `""` is the projects collection. */
    readonly pattern: string;
    readonly handler: RouteHandler;
    /** The operation exists only where this feature is on (see api-version-features.ts). */
    readonly requires?: FeatureFlag;
}

export interface RouteMatch {
    readonly route: Route;
    readonly family: ApiFamily;
    readonly params: Readonly<Record<string, string>>;
}

const authoringPrefix = ["", "language", "authoring"];

/** The first route whose method and pattern fit the path (below the resource endpoint). */
export function matchRoute(routes: readonly Route[], method: string, path: string): RouteMatch | undefined {
    const segments = path.split("/");
    if (authoringPrefix.some((segment, index) => segments[index] !== segment) || segments[4] !== "projects") {
        return undefined;
    }
    const family = apiFamilySchema.safeParse(segments[3]);
    if (!family.success) {
        return undefined;
    }
    const rest = segments.slice(5);
    for (const route of routes) {
        if (route.method !== method) {
            continue;
        }
        const params = matchSegments(route.pattern === "" ? [] : route.pattern.split("/"), rest);
        if (params !== undefined) {
            return { route, family: family.data, params };
        }
    }
    return undefined;
}

function matchSegments(pattern: readonly string[], segments: readonly string[]): Record<string, string> | undefined {
    if (pattern.length !== segments.length) {
        return undefined;
    }
    const params: Record<string, string> = {};
    for (const [index, part] of pattern.entries()) {
        const segment = segments[index]!;
        const name = /^\{(\w+)\}$/.exec(part)?.[1];
        if (name === undefined) {
            if (part !== segment) {
                return undefined;
            }
            continue;
        }
        const value = decodeSegment(segment);
        if (value === undefined || value === "") {
            return undefined;
        }
        params[name] = value;
    }
    return params;
}

/** A percent-encoded path segment, or `undefined` when it is not validly encoded. */
export function decodeSegment(segment: string): string | undefined {
    try {
        return decodeURIComponent(segment);
    } catch {
        return undefined;
    }
}
