import { expect } from "chai";
import * as fs from "node:fs";
import * as os from "node:os";
import * as path from "node:path";
import { loadResourcesFile } from "../../../emulator/config/resources";

describe("emulator/config/resources", () => {
    let directory: string;

    beforeEach(() => {
        directory = fs.mkdtempSync(path.join(os.tmpdir(), "emulator-resources-"));
    });

    afterEach(() => {
        fs.rmSync(directory, { recursive: true, force: true });
    });

    const load = (content: unknown) => {
        const file = path.join(directory, "resources.json");
        fs.writeFileSync(file, typeof content === "string" ? content : JSON.stringify(content));
        return loadResourcesFile(file);
    };

    const failureOf = async (content: unknown) => {
        try {
            await load(content);
        } catch (error) {
            return (error as Error).message;
        }
        throw new Error("expected the file to be rejected");
    };

    it("reads resources with storage and Entra tokens", async () => {
        const resources = await load({
            resources: [
                {
                    name: "dr-west",
                    region: "westeurope",
                    keys: ["a", "b"],
                    storage: { connectionString: "x" },
                    entraTokens: ["t"],
                },
            ],
        });
        expect(resources[0]).to.deep.include({ name: "dr-west", entraTokens: ["t"] });
    });

    it("names the offending field", async () => {
        expect(await failureOf({ resources: [{ name: "a", keys: ["k1", "k2"] }] })).to.contain(
            'field "resources[0].region"',
        );
        expect(await failureOf({ resources: [{ name: "a", region: "r", keys: ["k1"] }] })).to.contain(
            '"resources[0].keys',
        );
        expect(await failureOf({ resources: [{ name: "_emulator", region: "r", keys: ["k1", "k2"] }] })).to.contain(
            '"resources[0].name"',
        );
        const duplicate = { name: "a", region: "r", keys: ["k1", "k2"] };
        expect(await failureOf({ resources: [duplicate, duplicate] })).to.contain("duplicate resource name");
        expect(await failureOf("{")).to.contain("parsing resources file");
    });
});
