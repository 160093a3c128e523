import { hash } from "node:crypto";

/** Where an item lies in its export file, in bytes (end exclusive). */
export interface ItemSpan {
    start: number;
    end: number;
}

const initialRoom = 64;

/**
 * The items of one asset list, in the order of the file, as numbers only: a 64-bit digest of
 * each item's identity (its name, for lists whose items have one), a 96-bit digest of its
 * canonical content, and where it lies in the file (so a change summary can read the names it
 * shows). Typed arrays growing by doubling: 50,000 items take under 2 MB, and none of it is a
 * JavaScript object the garbage collector must keep moving. The content digests are SHA-1
 * prefixes, the identity digests a fast 64-bit hash: they tell items apart within a project,
 * they authenticate nothing.
 */
export class ItemDigests {
    count = 0;
    identities = new Uint32Array(2 * initialRoom);
    contents = new Uint32Array(3 * initialRoom);
    spans = new Float64Array(2 * initialRoom);
    /** Positions sorted by identity, the last of equal identities only; made once, by `uniqueByIdentity`. */
    private sorted: Uint32Array | undefined;

    constructor(readonly itemized: boolean) {}

    push(canonical: string, identity: string | undefined, span: ItemSpan | undefined): void {
        if (this.count * 3 === this.contents.length) {
            this.identities = doubled(this.identities);
            this.contents = doubled(this.contents);
            this.spans = doubled(this.spans);
        }
        const at = this.count++;
        // As a string of one character per byte: no Buffer to allocate for each of 50,000 items.
        const content = hash("sha1", canonical, "binary");
        for (let word = 0; word < 3; word++) this.contents[at * 3 + word] = wordAt(content, word * 4);
        if (identity !== undefined) identityDigest(identity, this.identities, at * 2);
        if (span) {
            this.spans[at * 2] = span.start;
            this.spans[at * 2 + 1] = span.end;
        }
    }

    span(position: number): ItemSpan {
        return { start: this.spans[position * 2]!, end: this.spans[position * 2 + 1]! };
    }

    sameContent(position: number, other: ItemDigests, otherPosition: number): boolean {
        for (let word = 0; word < 3; word++) {
            if (this.contents[position * 3 + word] !== other.contents[otherPosition * 3 + word]) return false;
        }
        return true;
    }

    /** Orders two positions by identity, as `compare` functions do. */
    compareIdentity(a: number, other: ItemDigests, b: number): number {
        return (
            this.identities[a * 2]! - other.identities[b * 2]! ||
            this.identities[a * 2 + 1]! - other.identities[b * 2 + 1]!
        );
    }

    /**
     * Positions sorted by identity, one per identity: the last, as a map keyed by identity keeps
     * the last (two utterances of the same text and intent are one item to a reviewer).
     */
    uniqueByIdentity(): Uint32Array {
        if (this.sorted) return this.sorted;
        const order = Uint32Array.from({ length: this.count }, (_, position) => position);
        order.sort((a, b) => this.compareIdentity(a, this, b) || a - b);
        const unique: number[] = [];
        for (let at = 0; at < order.length; at++) {
            const next = order[at + 1];
            if (next === undefined || this.compareIdentity(order[at]!, this, next) !== 0) unique.push(order[at]!);
        }
        return (this.sorted = Uint32Array.from(unique));
    }

    /** The content digests in sorted order, as bytes: what the content hash is made of. */
    sortedContents(): Buffer {
        const order = Uint32Array.from({ length: this.count }, (_, position) => position);
        const words = this.contents;
        order.sort(
            (a, b) =>
                words[a * 3]! - words[b * 3]! ||
                words[a * 3 + 1]! - words[b * 3 + 1]! ||
                words[a * 3 + 2]! - words[b * 3 + 2]!,
        );
        const bytes = Buffer.alloc(this.count * 12);
        order.forEach((position, at) => {
            for (let word = 0; word < 3; word++) bytes.writeUInt32BE(words[position * 3 + word]!, at * 12 + word * 4);
        });
        return bytes;
    }
}

/** The 32-bit word at `offset` of a digest held as one character per byte. */
function wordAt(digest: string, offset: number): number {
    return (
        ((digest.charCodeAt(offset) << 24) |
            (digest.charCodeAt(offset + 1) << 16) |
            (digest.charCodeAt(offset + 2) << 8) |
            digest.charCodeAt(offset + 3)) >>>
        0
    );
}

/**
 * A 64-bit digest of an item's name into two words, in two independent lanes of FNV-1a with a
 * murmur-style finish: names are short, and hashing 50,000 of them natively would cost a call
 * (and an allocation) each.
 */
function identityDigest(name: string, into: Uint32Array, at: number): void {
    let a = 0x811c9dc5;
    let b = 0x9747b28c ^ name.length;
    for (let i = 0; i < name.length; i++) {
        const unit = name.charCodeAt(i);
        a = Math.imul(a ^ unit, 0x01000193);
        b = Math.imul(b ^ unit, 0x5bd1e995);
        b ^= b >>> 15;
    }
    into[at] = finish(a);
    into[at + 1] = finish(b ^ 0x27d4eb2f);
}

function finish(lane: number): number {
    lane = Math.imul(lane ^ (lane >>> 16), 0x85ebca6b);
    lane = Math.imul(lane ^ (lane >>> 13), 0xc2b2ae35);
    return (lane ^ (lane >>> 16)) >>> 0;
}

function doubled<Words extends Uint32Array | Float64Array>(array: Words): Words {
    const bigger = new (array.constructor as new (length: number) => Words)(array.length * 2);
    bigger.set(array);
    return bigger;
}
