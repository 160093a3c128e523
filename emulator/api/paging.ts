import { httpErrors } from "../errors";
import type { RouteContext } from "./route-context";

// Unverified: the service's page size when the client sets none. Clients must follow nextLink anyway.
const defaultPageSize = 50;

export interface Page<Item> {
    readonly value: Item[];
    /** Absolute; null on the last page, as in the service's examples. */
    readonly nextLink: string | null;
}

/**
 * One page of `items`. `skip` items are passed over, at most `top` are returned across all pages,
 * at most `maxpagesize` per page; nextLink repeats the request with `skip` and `top` advanced.
 */
export function pageOf<Item>(ctx: RouteContext, items: readonly Item[]): Page<Item> {
    const skip = integerQuery(ctx, "skip", 0) ?? 0;
    const top = integerQuery(ctx, "top", 0);
    const pageSize = integerQuery(ctx, "maxpagesize", 1) ?? defaultPageSize;
    const size = Math.min(pageSize, top ?? Number.POSITIVE_INFINITY);
    const value = items.slice(skip, skip + size);
    const remainingTop = top === undefined ? undefined : top - value.length;
    const more = skip + value.length < items.length && (remainingTop === undefined || remainingTop > 0);
    if (!more) {
        return { value, nextLink: null };
    }
    const query = new URLSearchParams(ctx.request.query);
    query.set("skip", String(skip + value.length));
    if (remainingTop !== undefined) {
        query.set("top", String(remainingTop));
    }
    return { value, nextLink: `${ctx.endpoint}${ctx.path}?${query.toString()}` };
}

function integerQuery(ctx: RouteContext, name: string, minimum: number): number | undefined {
    const text = ctx.request.query.get(name);
    if (text === null) {
        return undefined;
    }
    const value = Number(text);
    if (!/^\d+$/.test(text) || value < minimum) {
        throw httpErrors.invalidParameter(
            name,
            `The query parameter "${name}" must be an integer of at least ${minimum}, got "${text}".`,
        );
    }
    return value;
}
