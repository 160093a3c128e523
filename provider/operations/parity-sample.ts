import type { ExportedProject } from "../contract";

/**
 * What the parity probe sends: utterance texts of a conversations project, or document locations
 * of a text project (their texts are read from storage), `size` of them spread evenly over the
 * sorted list, so the same project always gives the same sample and the same figures.
 */
export function paritySample(file: ExportedProject, size: number): string[] {
    const assets = (file.assets ?? {}) as { utterances?: { text: string }[]; documents?: { location: string }[] };
    const items = [
        ...new Set([
            ...(assets.utterances ?? []).map((utterance) => utterance.text),
            ...(assets.documents ?? []).map((document) => document.location),
        ]),
    ].sort();
    if (items.length <= size) return items;
    return Array.from({ length: size }, (_, index) => items[Math.floor((index * items.length) / size)]!);
}
