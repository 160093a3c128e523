import { expect } from "chai";
import { OutageRegistry } from "../../../emulator/admin/outages";

describe("emulator/admin/outages", () => {
    it("holds requests until the outage ends, per resource", async () => {
        const outages = new OutageRegistry();
        outages.begin("primary", { mode: "hang" });
        outages.begin("secondary", { mode: "hang" });
        const released: string[] = [];
        const primary = outages.hold("primary").then(() => released.push("primary"));
        const secondary = outages.hold("secondary").then(() => released.push("secondary"));
        expect([outages.heldCount("primary"), outages.heldCount("secondary")]).to.deep.equal([1, 1]);
        outages.end("primary");
        await primary;
        expect(released).to.deep.equal(["primary"]);
        expect(outages.current("primary")).to.equal(undefined);
        expect([outages.heldCount("primary"), outages.heldCount("secondary")]).to.deep.equal([0, 1]);
        outages.endAll();
        await secondary;
        expect(released).to.deep.equal(["primary", "secondary"]);
    });

    it("lets held requests go when the outage changes or every outage ends", async () => {
        const outages = new OutageRegistry();
        outages.begin("primary", { mode: "hang" });
        const held = outages.hold("primary");
        outages.begin("primary", { mode: "status", status: 503 });
        await held;
        expect(outages.current("primary")).to.deep.equal({ mode: "status", status: 503 });
        outages.begin("primary", { mode: "hang" });
        const again = outages.hold("primary");
        outages.endAll();
        await again;
        expect(outages.current("primary")).to.equal(undefined);
    });
});
