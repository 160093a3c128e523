/** Hosts that may be reached over plain HTTP: the local emulator only ever listens on loopback. */
const loopbackHost = /^(localhost|127(\.\d{1,3}){3}|\[::1\])$/;

/**
 * Checks an authoring endpoint and returns it without a trailing slash. Real endpoints are
 * `https://<custom-subdomain>.cognitiveservices.azure.com`; plain HTTP is allowed only for
 * loopback, so a typo can never send a key in clear text across a network. A path is kept:
 * the emulator serves several resources on one port, one path prefix each.
 * Returns a problem statement instead of throwing, so `check` can report it against a field.
 */
export function checkEndpoint(raw: string): { endpoint: string } | { problem: string } {
    let url: URL;
    try {
        url = new URL(raw);
    } catch {
        return { problem: `"${raw}" is not a URL; expected e.g. https://<resource>.cognitiveservices.azure.com` };
    }
    if (url.protocol !== "https:" && !(url.protocol === "http:" && loopbackHost.test(url.hostname))) {
        return { problem: `"${raw}" must use https (plain http is accepted only for loopback addresses)` };
    }
    if (url.search || url.hash || url.username || url.password) {
        return { problem: `"${raw}" must not carry a query, fragment or credentials; give the bare endpoint` };
    }
    return { endpoint: url.toString().replace(/\/+$/, "") };
}
