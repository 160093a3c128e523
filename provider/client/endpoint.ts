/** Hosts that may be reached over plain HTTP: the local emulator only ever listens on loopback. */
const loopbackHost = /^(localhost|127(\.\d{1,3}){3}|\[::1\])$/;

/** A path segment as written: no percent-encoding, which could hide a dot segment or a slash. */
const plainSegment = /^[A-Za-z0-9_~.-]+$/;

/** Only values shaped like a plain URL are repeated in a problem: anything else may be a pasted secret. */
const plainUrl = /^https?:\/\/[A-Za-z0-9.:[\]-]+(\/[A-Za-z0-9_~./-]*)?$/i;

/** What differs between the endpoints checked here: how one looks, where its secret goes, which path it must not hold. */
export interface EndpointRules {
    /** The example of a real endpoint that messages point to. */
    example: string;
    /** Where a user name or password found in the URL belongs instead. */
    credentialsHint: string;
    /** Said of a query in the URL, when it is likely a credential pasted along. */
    queryHint?: string;
    /** A path segment that means the API path was pasted along. */
    apiSegment?: string;
}

/** Language resources: the authoring and runtime APIs live below `/language/`. */
export const languageEndpointRules: EndpointRules = {
    example: "https://<resource>.cognitiveservices.azure.com",
    credentialsHint: 'give the key in "key"',
    apiSegment: "language",
};

/**
 * Checks an endpoint (a Language resource's unless other rules are given) and returns it without
 * a trailing slash. Real Language endpoints are
 * `https://<custom-subdomain>.cognitiveservices.azure.com`; plain HTTP is allowed only for
 * loopback, so a typo can never send a key in clear text across a network. A path is kept:
 * the emulator serves several resources on one port, one path prefix each; it must be exactly
 * what is used, so nothing the URL parser would drop or rewrite (blanks, dot segments, encoded
 * characters, backslashes) is accepted.
 * Returns a problem statement instead of throwing, so `check` can report it against a field.
 */
export function checkEndpoint(
    raw: string,
    rules: EndpointRules = languageEndpointRules,
): { endpoint: string } | { problem: string } {
    const expected = `expected e.g. ${rules.example}`;
    const shown = plainUrl.test(raw) ? JSON.stringify(raw) : "the value";
    if (raw !== raw.trim() || /[\s\p{Cc}]/u.test(raw)) {
        return { problem: `${shown} contains blanks or line breaks (often copied along); remove them` };
    }
    let url: URL;
    try {
        url = new URL(raw);
    } catch {
        return { problem: `${shown} is not a URL; ${expected}` };
    }
    if (url.protocol !== "https:" && url.protocol !== "http:") {
        return { problem: `${shown} is not an http(s) URL; ${expected}` };
    }
    if (url.username || url.password) {
        return { problem: `the endpoint must not carry a user name or password; ${rules.credentialsHint}` };
    }
    if (url.search || url.hash || /[?#]/.test(raw)) {
        const hint = rules.queryHint ? ` (${rules.queryHint})` : "";
        return {
            problem: `the endpoint must not carry a query or fragment${hint}; give the bare endpoint, ${expected}`,
        };
    }
    if (url.protocol === "http:" && !loopbackHost.test(url.hostname)) {
        return {
            problem: `${shown} must use https (plain http is accepted only for loopback: localhost, 127.x.x.x, [::1])`,
        };
    }
    const pathProblem = checkPath(raw, url, rules.apiSegment);
    if (pathProblem) return { problem: `${shown} ${pathProblem}` };
    return { endpoint: url.toString().replace(/\/+$/, "") };
}

/** The path as written must be the path used, and must not already hold the API's own path. */
function checkPath(raw: string, url: URL, apiSegment: string | undefined): string | undefined {
    const written = raw.replace(/^[a-z]+:\/\/[^/]*/i, "").replace(/\/$/, "");
    const segments = written === "" ? [] : written.slice(1).split("/");
    if (!segments.every((segment) => plainSegment.test(segment) && !/^\.{1,2}$/.test(segment))) {
        return 'has a path with empty, "." or ".." segments or encoded characters; give the bare endpoint';
    }
    if (url.pathname.replace(/\/$/, "") !== written) {
        return "has a path that the URL parser would rewrite; give the bare endpoint";
    }
    if (apiSegment !== undefined && segments.includes(apiSegment)) {
        return `must not include the API path ("/${apiSegment}/..."); give the resource endpoint only`;
    }
    return undefined;
}
