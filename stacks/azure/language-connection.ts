import type { LanguageResourceArgs } from "../../provider";
import type { LanguageAccount } from "./language-account";

/**
 * How to reach an account, in the shape both `ReplicatedLanguageProject` and
 * `createFailoverClient` take: its key when it has one (already a secret output), else
 * Microsoft Entra ID through DefaultAzureCredential.
 */
export function languageConnection(language: LanguageAccount): LanguageResourceArgs {
    return language.key === undefined
        ? { endpoint: language.endpoint, entraId: {} }
        : { endpoint: language.endpoint, key: language.key };
}
