import type { HostedResource } from "../config/hosted-resource";
import type { EmulatorRequest } from "./messages";

/**
 * Either header the spec's securityDefinitions allow: a subscription key of this resource, or a
 * Microsoft Entra ID bearer token (stood in for by the resource's configured tokens).
 */
export function isAuthenticated(resource: HostedResource, request: EmulatorRequest): boolean {
    const key = request.headers["ocp-apim-subscription-key"];
    if (typeof key === "string" && resource.keys.includes(key)) {
        return true;
    }
    const bearer = /^Bearer (.+)$/.exec(request.headers.authorization ?? "")?.[1];
    return bearer !== undefined && resource.entraTokens.includes(bearer);
}
