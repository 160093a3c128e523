import type { LanguageApiError } from "../provider/client/language-api-error";

/**
 * Neither region answered: the secondary failed too (timeout, network, 408/429/5xx), after the
 * primary failed or while the breaker kept the primary out. Both causes are kept, each already
 * redacted; the message holds no key or token.
 */
export class NoRegionAnsweredError extends Error {
    override readonly name = "NoRegionAnsweredError";

    constructor(
        /** Why the primary did not answer; absent when it was not asked (the breaker was open). */
        readonly primary: LanguageApiError | undefined,
        readonly secondary: LanguageApiError,
    ) {
        const primaryPart = primary ? primary.message : "the primary was not asked (its breaker is open)";
        super(`no region answered: ${secondary.message}; ${primaryPart}`);
    }
}
