import {
    conversationsRuntimeApiVersionSchema,
    textRuntimeApiVersionSchema,
    type RuntimeApiVersion,
} from "../../provider/contract";
import type { VersionFeatures } from "../api/api-version-features";
import type { RuntimeApi } from "./runtime-context";

const servedVersions: Readonly<Record<RuntimeApi, readonly RuntimeApiVersion[]>> = {
    "analyze-conversations": conversationsRuntimeApiVersionSchema.options,
    "analyze-text": textRuntimeApiVersionSchema.options,
};

/** `undefined` when that runtime API does not serve the api-version (the request then gets a 404). */
export function resolveRuntimeVersion(api: RuntimeApi, requested: string | null): RuntimeApiVersion | undefined {
    return servedVersions[api].find((version) => version === requested);
}

/** Every runtime spec served (all TypeSpec-generated) declares `x-ms-error-code` on error answers. */
export const runtimeErrorFeatures: Pick<VersionFeatures, "errorCodeHeader"> = { errorCodeHeader: true };
