import { expect } from "chai";
import * as net from "node:net";
import { LinkedStorage } from "../../../emulator/storage/linked-storage";
import { startAzurite, type RunningAzurite } from "../../../emulator/storage/azurite";
import { uploadDocuments } from "./support/test-bed";

/**
 * A loopback proxy in front of Azurite that hangs up on the first `dropFirst` connections as soon
 * as they open: what a client meets when it sends on a kept-alive socket that Azurite is closing
 * after its 5 idle seconds, which happened under the load of a mixed fleet's text trainings.
 */
async function hangingProxy(target: URL, dropFirst: number): Promise<{ port: number; close: () => Promise<void> }> {
    let dropped = 0;
    const sockets = new Set<net.Socket>();
    const server = net.createServer((client) => {
        sockets.add(client);
        client.on("close", () => sockets.delete(client));
        if (dropped++ < dropFirst) {
            client.resetAndDestroy();
            return;
        }
        const upstream = net.connect(Number(target.port), target.hostname);
        sockets.add(upstream);
        upstream.on("close", () => sockets.delete(upstream));
        client.pipe(upstream).pipe(client);
        const end = () => (client.destroy(), upstream.destroy());
        client.on("error", end);
        upstream.on("error", end);
    });
    await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
    return {
        port: (server.address() as net.AddressInfo).port,
        close: () =>
            new Promise<void>((resolve) => {
                for (const socket of sockets) socket.destroy();
                server.close(() => resolve());
            }),
    };
}

describe("emulator: linked storage reads", function () {
    let azurite: RunningAzurite;

    before(async () => {
        azurite = await startAzurite();
        await uploadDocuments(azurite.connectionString, "docs", { "a.txt": "hello" });
    });

    after(async () => {
        await azurite.stop();
    });

    it('reads a document through a connection that hung up ("socket hang up"), by trying again on a new one', async () => {
        const endpoint = new URL(azurite.blobEndpoint);
        const proxy = await hangingProxy(endpoint, 1);
        try {
            const through = `127.0.0.1:${proxy.port}`;
            const storage = new LinkedStorage(azurite.connectionString.replace(endpoint.host, through));
            expect(await storage.readDocument("docs", "a.txt")).to.deep.equal({ kind: "found", text: "hello" });
        } finally {
            await proxy.close();
        }
    });

    it("still reports storage that keeps hanging up as unreachable, within seconds", async () => {
        const endpoint = new URL(azurite.blobEndpoint);
        const proxy = await hangingProxy(endpoint, Number.POSITIVE_INFINITY);
        try {
            const through = `127.0.0.1:${proxy.port}`;
            const storage = new LinkedStorage(azurite.connectionString.replace(endpoint.host, through));
            const started = Date.now();
            expect(await storage.readDocument("docs", "a.txt")).to.include({ kind: "unreachable" });
            expect(Date.now() - started).to.be.below(5_000);
        } finally {
            await proxy.close();
        }
    });
});
