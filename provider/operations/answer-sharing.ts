/**
 * Who may share an answer of the service within this process: requests with the same
 * credentials (besides the same resource and question, which the caller names), sent through
 * the same HTTP layer (`scope`: the real one, or a test's own).
 */
export interface AnswerSharing {
    scope: object;
    /** Tells credentials apart without holding them (a hash). */
    credentials: string;
}

/** Answers kept for the requests that may share them (see AnswerSharing), by the question they answer. */
export class SharedAnswers<Answer> {
    private readonly byScope = new WeakMap<object, Map<string, Answer>>();

    get(sharing: AnswerSharing, question: string): Answer | undefined {
        return this.byScope.get(sharing.scope)?.get(keyOf(sharing, question));
    }

    set(sharing: AnswerSharing, question: string, answer: Answer): void {
        let answers = this.byScope.get(sharing.scope);
        if (!answers) this.byScope.set(sharing.scope, (answers = new Map()));
        answers.set(keyOf(sharing, question), answer);
    }

    delete(sharing: AnswerSharing, question: string): void {
        this.byScope.get(sharing.scope)?.delete(keyOf(sharing, question));
    }
}

function keyOf(sharing: AnswerSharing, question: string): string {
    return `${question} ${sharing.credentials}`;
}
