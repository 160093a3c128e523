import type { ApiFamily, SupportedLanguage } from "../../provider/contract";

// A representative subset of the languages Learn lists for each family ("language support" pages);
// every project kind of a family shares its family's list here.
const conversationLanguages: readonly SupportedLanguage[] = [
    { languageName: "English", languageCode: "en" },
    { languageName: "English (United States)", languageCode: "en-us" },
    { languageName: "English (United Kingdom)", languageCode: "en-gb" },
    { languageName: "French", languageCode: "fr" },
    { languageName: "German", languageCode: "de" },
    { languageName: "Spanish", languageCode: "es" },
    { languageName: "Italian", languageCode: "it" },
    { languageName: "Portuguese (Brazil)", languageCode: "pt-br" },
    { languageName: "Dutch", languageCode: "nl" },
    { languageName: "Japanese", languageCode: "ja" },
    { languageName: "Chinese (Simplified)", languageCode: "zh-hans" },
];

const textLanguages: readonly SupportedLanguage[] = [
    { languageName: "English", languageCode: "en" },
    { languageName: "English (United States)", languageCode: "en-us" },
    { languageName: "French", languageCode: "fr" },
    { languageName: "German", languageCode: "de" },
    { languageName: "Spanish", languageCode: "es" },
    { languageName: "Italian", languageCode: "it" },
    { languageName: "Portuguese (Portugal)", languageCode: "pt-pt" },
    { languageName: "Dutch", languageCode: "nl" },
    { languageName: "Japanese", languageCode: "ja" },
    { languageName: "Chinese (Simplified)", languageCode: "zh-hans" },
];

export const supportedLanguagesByFamily: Readonly<Record<ApiFamily, readonly SupportedLanguage[]>> = {
    "analyze-conversations": conversationLanguages,
    "analyze-text": textLanguages,
};
