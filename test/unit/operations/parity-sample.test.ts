import { expect } from "chai";
import type { ExportedProject } from "../../../provider/contract";
import { paritySample } from "../../../provider/operations/parity-sample";

const file = (assets: Record<string, unknown>) => ({ metadata: {}, assets }) as unknown as ExportedProject;

describe("paritySample: what the parity probe sends", () => {
    it("takes every utterance of a small project, once each, in a stable order", () => {
        const utterances = ["b", "a", "b", "c"].map((text) => ({ text, intent: "X" }));
        expect(paritySample(file({ utterances }), 20)).to.deep.equal(["a", "b", "c"]);
    });

    it("spreads a sample evenly over a large project, the same on every run", () => {
        const documents = Array.from({ length: 100 }, (_, index) => ({
            location: `doc-${String(index).padStart(3, "0")}`,
        }));
        const sample = paritySample(file({ documents }), 4);
        expect(sample).to.deep.equal(["doc-000", "doc-025", "doc-050", "doc-075"]);
        expect(paritySample(file({ documents: [...documents].reverse() }), 4)).to.deep.equal(sample);
    });
});
