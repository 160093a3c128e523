/** What a secret is replaced with wherever text leaves the client. */
export const redacted = "[redacted]";

/**
 * Removes every occurrence of the given secrets, and of anything shaped like an authentication
 * header or a bearer token, from text that may reach a log, an error message or state. Applied to
 * service messages too: a gateway error page could echo a header back.
 */
export function redact(text: string, secrets: readonly string[] = []): string {
    let clean = text
        .replace(/(Ocp-Apim-Subscription-Key["']?\s*[:=]\s*["']?)[^\s"',}]+/gi, `$1${redacted}`)
        .replace(/(Bearer\s+)[A-Za-z0-9\-._~+/]+=*/g, `$1${redacted}`);
    for (const secret of secrets) {
        if (secret.length > 0) clean = clean.split(secret).join(redacted);
    }
    return clean;
}
