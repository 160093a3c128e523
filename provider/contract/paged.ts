import { z } from "zod";

/** Every list endpoint pages the same way; clients follow `nextLink` verbatim until it is absent or null. */
export function pagedSchema<Item extends z.ZodType>(item: Item) {
    return z.looseObject({
        value: z.array(item),
        nextLink: z.string().nullable().optional(),
    });
}

/** The parsed page, for code that is generic over the item type. */
export interface Paged<Item> {
    value: Item[];
    nextLink?: string | null | undefined;
}
