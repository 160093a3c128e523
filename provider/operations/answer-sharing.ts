/**
 * Who may share an answer of the service within this process: requests with the same
 * credentials (besides the same resource and question, which the caller's key names), sent
 * through the same HTTP layer (`scope`: the real one, or a test's own).
 */
export interface AnswerSharing {
    scope: object;
    /** Tells credentials apart without holding them (a hash). */
    credentials: string;
}
