import { contentIdOf, heldContentOf, holdsContent, someOf } from "../plan/document-fingerprint";
import type { SourceStorage } from "../storage/source-storage";
import type { TargetStorage } from "../storage/target-storage";
import {
    type CopyWay,
    copyServerSide,
    copyStreamed,
    type DocumentToCopy,
    fitsServerSide,
    refusesServerSide,
} from "./copy-document";
import type { OperationContext } from "./operation-context";

/** Copies in flight at once: enough to hide each request's latency, few enough for any account's limits. */
const parallelCopies = 8;

/** The documents of a text project to bring into the secondary's container. */
export interface DocumentCopy {
    source: SourceStorage;
    sourceContainer: string;
    target: TargetStorage;
    targetContainer: string;
    /** Every document the project's labels reference. */
    locations: readonly string[];
    context: OperationContext;
}

export interface DocumentCopyResult {
    /** The content id of each document on the primary now (`missing` where its container lacks it). */
    current: Record<string, string>;
    /** What the secondary's container holds now, by location (see `heldContentOf`). */
    held: Record<string, string>;
    /** The documents copied by this run. */
    copied: string[];
}

/**
 * Brings the secondary's container up to the primary's: lists both (properties only, no content),
 * and copies just the documents the secondary does not hold with the same content; an unchanged
 * resync copies nothing. Server-side first; when the secondary's storage service cannot read the
 * primary's (`refusesServerSide`), the rest are streamed through this process. Each copy carries
 * its source's content id, so an interrupted run's copies count on the next one. The primary's
 * storage is only listed and read.
 */
export async function copyDocuments(copy: DocumentCopy): Promise<DocumentCopyResult> {
    const { source, target, context } = copy;
    const timeout = new AbortController();
    const timer = setTimeout(() => timeout.abort(), Math.max(0, context.deadline - context.clock.now()));
    timer.unref();
    const signal = context.signal ? AbortSignal.any([context.signal, timeout.signal]) : timeout.signal;
    const from = `${source.name}/${copy.sourceContainer}`;
    const to = `${target.name}/${copy.targetContainer}`;
    try {
        const onPrimary = await source.list(copy.sourceContainer, copy.locations, signal);
        if (await target.ensureContainer(copy.targetContainer, signal)) context.log(`created container ${to}`);
        const onSecondary = await target.list(copy.targetContainer, copy.locations, signal);
        const current: Record<string, string> = {};
        const held: Record<string, string> = {};
        const toCopy: DocumentToCopy[] = [];
        for (const location of copy.locations) {
            const blob = onPrimary.get(location);
            const contentId = contentIdOf(blob);
            current[location] = contentId;
            held[location] = heldContentOf(onSecondary.get(location), contentId);
            if (blob && !holdsContent(onSecondary.get(location), contentId)) toCopy.push({ ...copy, blob, contentId });
        }
        if (toCopy.length > 0) {
            context.log(`copying ${toCopy.length} of ${copy.locations.length} documents from ${from} to ${to}`);
            const ways = await copyAll(toCopy, context, signal);
            for (const { blob, contentId } of toCopy) held[blob.name] = contentId;
            const names = toCopy.map((document) => document.blob.name);
            context.log(`copied ${someOf(names)} (${[...new Set(ways)].join(", ")}) to ${to}`);
        }
        return { current, held, copied: toCopy.map((document) => document.blob.name) };
    } catch (error) {
        if (!timeout.signal.aborted) throw error;
        throw new Error(
            `copying documents from ${from} to ${to}: gave up after the copy timeout (timeoutMinutes.copy); ` +
                "what was copied stays and is not copied again",
        );
    } finally {
        clearTimeout(timer);
    }
}

/**
 * Copies every document, `parallelCopies` at a time, server-side until the secondary's storage
 * refuses that once (then streamed, said in one line). The first failure stops the others.
 */
async function copyAll(
    documents: DocumentToCopy[],
    context: OperationContext,
    signal: AbortSignal,
): Promise<CopyWay[]> {
    const stop = new AbortController();
    const stopOrDeadline = AbortSignal.any([signal, stop.signal]);
    let serverSide = true;
    const ways: CopyWay[] = [];
    const copyOne = async (document: DocumentToCopy): Promise<void> => {
        if (serverSide && fitsServerSide(document.blob)) {
            try {
                await copyServerSide(document, stopOrDeadline);
                ways.push("server-side");
                context.progress(`copied ${document.blob.name} (server-side)`);
                return;
            } catch (error) {
                if (!refusesServerSide(error)) throw error;
                if (serverSide) {
                    serverSide = false;
                    const said = [error.status, error.code].filter(Boolean).join(" ");
                    context.log(
                        `the secondary's storage cannot read the primary's to copy server-side (${said}); the documents are streamed through this process`,
                    );
                }
            }
        }
        await copyStreamed(document, stopOrDeadline);
        ways.push("streamed");
        context.progress(`copied ${document.blob.name} (streamed)`);
    };
    let next = 0;
    const worker = async () => {
        while (next < documents.length && !stop.signal.aborted) await copyOne(documents[next++]!);
    };
    await Promise.all(
        Array.from({ length: Math.min(parallelCopies, documents.length) }, () =>
            worker().catch((error: unknown) => {
                stop.abort();
                throw error;
            }),
        ),
    );
    return ways;
}
