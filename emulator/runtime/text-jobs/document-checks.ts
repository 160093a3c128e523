import type { TextDocumentInput } from "../../../provider/contract";
import { supportedLanguagesByFamily } from "../../catalog/languages";
import { documentErrors, httpErrors } from "../../errors";
import type { StoredTextDocument } from "../../state/state-schema";
import { textElementCount } from "../string-index";

// Learn, custom text classification and custom NER service limits: up to 25 documents per request,
// 125,000 characters in all. The data-limits page says an asynchronous request over the size limit
// is rejected whole (400), so an over-long document is a request error, not a document error.
const maxDocuments = 25;
const maxCharacters = 125_000;

/** The service reads a document without `language` as English. */
const defaultLanguage = "en";

const supportedLanguages = new Set(
    supportedLanguagesByFamily["analyze-text"].map((language) => language.languageCode.toLowerCase()),
);

/**
 * The job's documents, each with its size and, for one the service would not analyze, its error
 * (empty text, unsupported language). A request the service would refuse whole is a 400.
 */
export function checkDocuments(documents: readonly TextDocumentInput[]): StoredTextDocument[] {
    if (documents.length === 0) {
        throw httpErrors.missingDocuments();
    }
    if (documents.length > maxDocuments) {
        throw httpErrors.invalidDocumentBatch(
            `Batch request contains too many records. Max ${maxDocuments} records are permitted.`,
        );
    }
    const ids = new Set<string>();
    for (const { id } of documents) {
        if (ids.has(id)) {
            throw httpErrors.duplicateDocumentIds(id);
        }
        ids.add(id);
    }
    const checked = documents.map(checkDocument);
    if (checked.reduce((sum, document) => sum + document.charactersCount, 0) > maxCharacters) {
        throw httpErrors.invalidDocumentBatch(
            `Request Payload sent is too large to be processed. Limit request size to: ${maxCharacters}`,
        );
    }
    return checked;
}

function checkDocument({ id, text, language = defaultLanguage }: TextDocumentInput): StoredTextDocument {
    const error =
        text.trim() === ""
            ? documentErrors.emptyText()
            : supportedLanguages.has(language.toLowerCase())
              ? undefined
              : documentErrors.unsupportedLanguage(language);
    return { id, language, text, charactersCount: textElementCount(text), ...(error === undefined ? {} : { error }) };
}
