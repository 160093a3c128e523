import { expect } from "chai";
import { exportedProjectSchema, parseContract } from "../../../provider/contract";
import { findAssetProblems } from "../../../emulator/domain/asset-checks";
import { newJobId, newModelId } from "../../../emulator/domain/identifiers";
import { applyMergePatch } from "../../../emulator/domain/merge-patch";
import { buildProjectFile } from "../../../emulator/domain/project-file";
import { markModified } from "../../../emulator/domain/projects";
import { formatDateTime, formatPreciseDateTime } from "../../../emulator/domain/timestamps";
import type { StoredProject } from "../../../emulator/state/state-schema";
import { contractsEntityRecognition, travelConversation } from "../../fixtures/emulator/sample-projects";

describe("emulator/domain", () => {
    it("formats timestamps as the service does", () => {
        const ms = Date.parse("2022-04-18T15:47:49.433Z");
        expect(formatDateTime(ms)).to.equal("2022-04-18T15:47:49Z");
        expect(formatPreciseDateTime(ms)).to.equal("2022-04-18T15:47:49.433Z");
    });

    it("drops trailing zeros from fractional seconds, and the fraction of a whole second", () => {
        expect(formatPreciseDateTime(Date.parse("2022-04-18T15:47:49.430Z"))).to.equal("2022-04-18T15:47:49.43Z");
        expect(formatPreciseDateTime(Date.parse("2022-04-18T15:47:49.000Z"))).to.equal("2022-04-18T15:47:49Z");
    });

    it("spells job ids as <guid>_<ticks of the day> and model ids with a 12-hour time", () => {
        const ms = Date.parse("2022-04-18T15:47:49Z");
        expect(newJobId(ms)).to.match(
            /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}_637858368000000000$/,
        );
        expect(newModelId("model1", ms)).to.match(/^model1-20220418T034749-[0-9a-f]{32}$/);
    });

    it("applies JSON merge patches", () => {
        const target = { a: 1, nested: { keep: true, drop: "x" }, list: [1, 2] };
        expect(applyMergePatch(target, { a: null, nested: { drop: null, added: 2 }, list: [3] })).to.deep.equal({
            nested: { keep: true, added: 2 },
            list: [3],
        });
        expect(target.a).to.equal(1);
    });

    it("moves lastModified by at least a second on every edit", () => {
        const project = { lastModifiedMs: Date.parse("2024-01-01T00:00:00Z") } as StoredProject;
        markModified(project, Date.parse("2024-01-01T00:00:00.500Z"));
        expect(formatDateTime(project.lastModifiedMs)).to.equal("2024-01-01T00:00:01Z");
        markModified(project, Date.parse("2024-01-01T00:00:09.900Z"));
        expect(formatDateTime(project.lastModifiedMs)).to.equal("2024-01-01T00:00:09Z");
    });

    it("writes project files in the service's key order, without fields the version lacks", () => {
        const { metadata, assets } = parseContract(exportedProjectSchema, travelConversation(), "fixture");
        const file = buildProjectFile({ metadata: { ...metadata, custom: 1 }, assets: assets! }, "2022-05-01", [
            "regex",
            "requiredComponents",
        ]);
        expect(Object.keys(file.metadata)).to.deep.equal([
            "projectKind",
            "settings",
            "projectName",
            "multilingual",
            "description",
            "language",
            "custom",
        ]);
        expect(JSON.stringify(file.assets)).to.not.contain("regex").and.not.contain("requiredComponents");
        expect(JSON.stringify(assets)).to.contain("regex");
    });

    it("finds labels that point at undeclared categories or leave their region", () => {
        const { assets } = parseContract(exportedProjectSchema, contractsEntityRecognition().file, "fixture");
        expect(findAssetProblems(assets!)).to.deep.equal([]);
        const broken = structuredClone(assets!);
        if (broken.projectKind !== "CustomEntityRecognition") {
            throw new Error("wrong kind");
        }
        broken.entities = [{ category: "Party" }];
        broken.documents![1]!.entities![0]!.regionLength = 5;
        const targets = findAssetProblems(broken).map((problem) => problem.target);
        expect(targets).to.include("assets.documents[0].entities[0].labels[0].category");
        expect(targets).to.include("assets.documents[1].entities[0].labels[1]");
    });
});
