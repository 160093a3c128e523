import { createDefaultHttpClient, type HttpClient } from "@azure/core-rest-pipeline";

/**
 * Stands in for TLS termination in front of the emulator, which serves plain http on loopback:
 * the SDKs send to `https://127.0.0.1:<port>/...` (their bearer-token policy refuses anything
 * else) and this client forwards each request over http. Tokens reach the emulator unchanged.
 * Enough for analyze-conversations; a text job's status URL would still say http.
 */
export function httpsToLoopbackHttp(): HttpClient {
    const inner = createDefaultHttpClient();
    return {
        sendRequest: (request) => {
            request.url = request.url.replace(/^https:\/\/127\.0\.0\.1:/, "http://127.0.0.1:");
            request.allowInsecureConnection = true;
            return inner.sendRequest(request);
        },
    };
}

/** The https form of a loopback emulator endpoint, for httpsToLoopbackHttp. */
export function asHttps(endpoint: string): string {
    return endpoint.replace(/^http:/, "https:");
}
