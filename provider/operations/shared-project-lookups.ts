import type { AuthoringClient } from "../client/authoring-client";
import type { ProjectMetadata } from "../contract";
import { type AnswerSharing, SharedAnswers } from "./answer-sharing";

/**
 * How long one listing of a resource's projects answers lookups. The engine checks a stack's
 * resources one after another, a few milliseconds apart, so a preview of hundreds of replicas
 * fits well inside; a check that comes later (a replica waiting for the one it depends on) reads
 * afresh. A project edited within the window shows as pending on the next run.
 */
export const listingFreshForMs = 10_000;

const listings = new SharedAnswers<ProjectListing>();

/**
 * One project's metadata, or undefined when the service answers 404 for it. The checks of a
 * fleet share the work: the first lookup in a window is one GET, and from the second the
 * resource's project listing answers, page by page, so a preview of a hundred replicas costs the
 * primary's read budget a few requests instead of a hundred. A page is read only while the pages
 * and GETs so far number fewer than the lookups asked, so a stack replicating a few projects
 * of a resource holding hundreds never costs more than one request above a GET per lookup.
 * Absence is never concluded from the listing: a project it lacks (created since, say) is asked
 * for directly, and a listing that fails is left for GETs.
 */
export function lookupProject(
    client: AuthoringClient,
    project: string,
    sharing: AnswerSharing,
): Promise<ProjectMetadata | undefined> {
    const question = `${client.transport.endpoint} ${client.family} ${client.apiVersion}`;
    const now = client.transport.clock.now();
    let listing = listings.get(sharing, question);
    if (!listing || now - listing.startedAt >= listingFreshForMs) {
        listing = new ProjectListing(client, now);
        listings.set(sharing, question, listing);
    }
    return listing.lookup(project);
}

/** One window's listing of a resource's projects, read as far as lookups have paid for. */
class ProjectListing {
    private readonly listed = new Map<string, ProjectMetadata>();
    private pages: AsyncGenerator<ProjectMetadata[]> | undefined;
    private exhausted = false;
    private lookups = 0;
    private requests = 0;
    /** Lookups take turns, so one page read serves every lookup waiting for it. */
    private turn: Promise<unknown> = Promise.resolve();

    constructor(
        private readonly client: AuthoringClient,
        readonly startedAt: number,
    ) {}

    lookup(project: string): Promise<ProjectMetadata | undefined> {
        this.lookups++;
        const answer = this.turn.then(() => this.answer(project));
        this.turn = answer.catch(() => undefined);
        return answer;
    }

    private async answer(project: string): Promise<ProjectMetadata | undefined> {
        // The first lookup is a GET: a stack of one replica reads one project, not a page of them.
        while (!this.listed.has(project) && !this.exhausted && this.lookups > 1 && this.requests < this.lookups) {
            await this.readPage();
        }
        const listed = this.listed.get(project);
        if (listed) return listed;
        this.requests++;
        return this.client.findProject(project);
    }

    private async readPage(): Promise<void> {
        this.pages ??= this.client.projectPages();
        try {
            const page = await this.pages.next();
            // After the last page the listing ends without asking again.
            if (page.done) {
                this.exhausted = true;
                return;
            }
            this.requests++;
            for (const metadata of page.value) this.listed.set(metadata.projectName, metadata);
        } catch {
            // A GET of the project says what is wrong, naming it, if anything still is.
            this.requests++;
            this.exhausted = true;
        }
    }
}
