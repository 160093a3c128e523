/**
 * Where a piece of an export file sits: a top-level field (`["metadata"]`), a field of `assets`
 * that is no list (`["assets", "projectKind"]`), or one item of an asset list
 * (`["assets", "utterances", 17]`).
 */
export type PiecePath = readonly [string] | readonly ["assets", string] | readonly ["assets", string, number];

export interface SplitterEvents {
    /** One complete JSON value, as the file's bytes, with its absolute byte offsets (end exclusive). */
    piece(path: PiecePath, bytes: Buffer, start: number, end: number): void;
    /** An asset list begins: reported even when it is empty, since `[]` is content too. */
    list(name: string): void;
}

type ObjectExpect = "keyOrClose" | "key" | "colon" | "value" | "commaOrClose";
type ArrayExpect = "valueOrClose" | "value" | "commaOrClose";

/** The containers the splitter walks through itself; everything inside a piece is only skipped over. */
type Frame =
    | { kind: "object"; path: readonly string[]; expect: ObjectExpect; key?: string }
    | { kind: "array"; path: readonly ["assets", string]; expect: ArrayExpect; index: number };

/** A value being read: kept as the chunk slices it spans, until its last byte arrives. */
interface OpenValue {
    path: PiecePath | undefined;
    start: number;
    parts: Buffer[];
    /** Offset in the current chunk where the not yet kept part of the value begins. */
    from: number;
    depth: number;
    inString: boolean;
    escaped: boolean;
    /** A number, true, false or null: ends at the first byte that cannot belong to it. */
    bare: boolean;
}

const quote = 0x22;
const backslash = 0x5c;
const colon = 0x3a;
const comma = 0x2c;
const openObject = 0x7b;
const closeObject = 0x7d;
const openArray = 0x5b;
const closeArray = 0x5d;

function isBlank(byte: number): boolean {
    return byte === 0x20 || byte === 0x0a || byte === 0x0d || byte === 0x09;
}

/**
 * Cuts an export file into pieces small enough to parse one at a time, reading it as byte chunks:
 * an export of a large project (50,000 utterances, ~18 MB) is never held whole, neither as text
 * nor as one object graph. The top level and `assets` are walked here; every other value is
 * handed over as its own bytes, for `JSON.parse`. Only JSON's ASCII structure is looked at, so
 * a multi-byte UTF-8 character split across chunks needs no care. Throws on what is not a JSON
 * object, naming the byte offset.
 */
export class ProjectFileSplitter {
    private readonly frames: Frame[] = [];
    private value: OpenValue | undefined;
    private chunkStart = 0;
    private done = false;
    /** Where the next backslash of the current chunk is (Infinity: none left), found once per chunk rather than per string. */
    private nextBackslash = -1;

    constructor(private readonly events: SplitterEvents) {}

    write(chunk: Buffer): void {
        this.nextBackslash = -1;
        for (let i = 0; i < chunk.length; i++) {
            const value = this.value;
            if (value?.inString) {
                i = this.stringEnd(value, chunk, i);
                continue;
            }
            const byte = chunk[i]!;
            if (value && this.continueValue(value, chunk, i, byte)) continue;
            this.structure(chunk, i, byte);
        }
        if (this.value) {
            this.value.parts.push(chunk.subarray(this.value.from));
            this.value.from = 0;
        }
        this.chunkStart += chunk.length;
    }

    /** Call after the last chunk: a file that stops inside a value or container is truncated. */
    end(): void {
        if (!this.done || this.value) throw this.invalid(this.chunkStart, "the file ends before its JSON does");
    }

    /**
     * Inside a string, the only bytes that matter are a backslash (the next byte is escaped) and
     * the closing quote: found with indexOf, natively, rather than byte by byte, since most of
     * an export is text. Returns the index of the last byte consumed.
     */
    private stringEnd(value: OpenValue, chunk: Buffer, i: number): number {
        if (value.escaped) {
            value.escaped = false;
            return i;
        }
        const close = chunk.indexOf(quote, i);
        if (this.nextBackslash !== Infinity && this.nextBackslash < i) {
            const found = chunk.indexOf(backslash, i);
            this.nextBackslash = found === -1 ? Infinity : found;
        }
        if (this.nextBackslash < (close === -1 ? chunk.length : close)) {
            value.escaped = true;
            return this.nextBackslash;
        }
        if (close === -1) return chunk.length - 1;
        value.inString = false;
        if (value.depth === 0) this.finishValue(value, chunk, close + 1);
        return close;
    }

    /** True when the byte belongs to the open value; false when a bare value ended just before it. */
    private continueValue(value: OpenValue, chunk: Buffer, i: number, byte: number): boolean {
        if (value.bare) {
            if (isBlank(byte) || byte === comma || byte === closeObject || byte === closeArray) {
                this.finishValue(value, chunk, i);
                return false;
            }
            return true;
        }
        if (byte === quote) value.inString = true;
        else if (byte === openObject || byte === openArray) value.depth++;
        else if (byte === closeObject || byte === closeArray) {
            if (--value.depth === 0) this.finishValue(value, chunk, i + 1);
        }
        return true;
    }

    private finishValue(value: OpenValue, chunk: Buffer, endInChunk: number): void {
        this.value = undefined;
        const tail = chunk.subarray(value.from, endInChunk);
        const bytes = value.parts.length === 0 ? tail : Buffer.concat([...value.parts, tail]);
        const end = this.chunkStart + endInChunk;
        if (value.path) this.events.piece(value.path, bytes, value.start, end);
        else this.keyRead(JSON.parse(bytes.toString("utf8")) as string);
    }

    private keyRead(key: string): void {
        const frame = this.frames.at(-1) as Extract<Frame, { kind: "object" }>;
        frame.key = key;
        frame.expect = "colon";
    }

    private structure(chunk: Buffer, i: number, byte: number): void {
        if (isBlank(byte)) return;
        const offset = this.chunkStart + i;
        const frame = this.frames.at(-1);
        if (!frame) {
            if (this.done) throw this.invalid(offset, "more data after the end of the JSON object");
            if (byte !== openObject) throw this.invalid(offset, "an export file must be a JSON object");
            this.frames.push({ kind: "object", path: [], expect: "keyOrClose" });
            return;
        }
        if (frame.kind === "object") this.inObject(frame, chunk, i, byte, offset);
        else this.inArray(frame, chunk, i, byte, offset);
    }

    private inObject(frame: Extract<Frame, { kind: "object" }>, chunk: Buffer, i: number, byte: number, at: number) {
        switch (frame.expect) {
            case "keyOrClose":
            case "key":
                if (byte === quote) this.open(undefined, chunk, i);
                else if (byte === closeObject && frame.expect === "keyOrClose") this.close();
                else throw this.invalid(at, "a field name was expected");
                return;
            case "colon":
                if (byte !== colon) throw this.invalid(at, "':' was expected");
                frame.expect = "value";
                return;
            case "value":
                frame.expect = "commaOrClose";
                return this.fieldValue(frame, frame.key!, chunk, i, byte);
            case "commaOrClose":
                if (byte === comma) frame.expect = "key";
                else if (byte === closeObject) this.close();
                else throw this.invalid(at, "',' or '}' was expected");
        }
    }

    /** `assets` and its lists are walked into; any other value becomes one piece. */
    private fieldValue(frame: Extract<Frame, { kind: "object" }>, key: string, chunk: Buffer, i: number, byte: number) {
        const inAssets = frame.path.length === 1;
        if (frame.path.length === 0 && key === "assets" && byte === openObject) {
            this.frames.push({ kind: "object", path: ["assets"], expect: "keyOrClose" });
        } else if (inAssets && byte === openArray) {
            this.frames.push({ kind: "array", path: ["assets", key], expect: "valueOrClose", index: 0 });
            this.events.list(key);
        } else {
            this.open(inAssets ? ["assets", key] : [key], chunk, i);
        }
    }

    private inArray(frame: Extract<Frame, { kind: "array" }>, chunk: Buffer, i: number, byte: number, at: number) {
        if (frame.expect === "commaOrClose") {
            if (byte === comma) frame.expect = "value";
            else if (byte === closeArray) this.close();
            else throw this.invalid(at, "',' or ']' was expected");
            return;
        }
        if (byte === closeArray && frame.expect === "valueOrClose") return this.close();
        frame.expect = "commaOrClose";
        this.open([...frame.path, frame.index++], chunk, i);
    }

    /** Starts reading a value (or, without a path, a field name) at byte `i` of the chunk. */
    private open(path: PiecePath | undefined, chunk: Buffer, i: number): void {
        const byte = chunk[i]!;
        const container = byte === openObject || byte === openArray;
        this.value = {
            path,
            start: this.chunkStart + i,
            parts: [],
            from: i,
            depth: container ? 1 : 0,
            inString: byte === quote,
            escaped: false,
            bare: !container && byte !== quote,
        };
        if (this.value.bare && (byte === closeObject || byte === closeArray || byte === comma || byte === colon)) {
            throw this.invalid(this.chunkStart + i, "a value was expected");
        }
    }

    private close(): void {
        this.frames.pop();
        if (this.frames.length === 0) this.done = true;
    }

    private invalid(offset: number, problem: string): Error {
        return new SyntaxError(`the export file is not valid JSON at byte ${offset}: ${problem}`);
    }
}
