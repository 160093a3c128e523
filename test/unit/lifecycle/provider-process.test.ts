import * as net from "node:net";
import * as path from "node:path";
import { expect } from "chai";
import { engineAddress, exitWhenEngineGone } from "../../../provider/lifecycle/provider-process";

const host = path.join("/app", "node_modules", "@pulumi", "pulumi", "cmd", "dynamic-provider", "index.js");

describe("provider process", () => {
    describe("engine address", () => {
        it("is the first argument of the dynamic-provider host", () => {
            expect(engineAddress(host, ["node", host, "127.0.0.1:5000"])).to.equal("127.0.0.1:5000");
        });

        it("is undefined when another script runs, or the host was given no address", () => {
            expect(engineAddress("/app/node_modules/mocha/bin/mocha.js", ["node", "mocha", "127.0.0.1:5000"])).to.equal(
                undefined,
            );
            expect(engineAddress(path.join("cmd", "dynamic-provider", "index.js", "x"), ["n", "h", "a:1"])).to.equal(
                undefined,
            );
            expect(engineAddress(path.join("/app", "cmd", "index.js"), ["n", "h", "a:1"])).to.equal(undefined);
            expect(engineAddress(host, ["node", host])).to.equal(undefined);
            expect(engineAddress()).to.equal(undefined);
        });
    });

    describe("exit when the engine is gone", () => {
        let server: net.Server;
        let address: string;
        const stops: (() => void)[] = [];

        beforeEach(async () => {
            server = net.createServer((socket) => socket.destroy());
            await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
            address = `127.0.0.1:${(server.address() as net.AddressInfo).port}`;
        });

        afterEach(async () => {
            for (const stop of stops.splice(0)) stop();
            if (server.listening) await new Promise((resolve) => server.close(resolve));
        });

        /** Checks every few milliseconds; resolves when the check would end the process. */
        function watch() {
            let exits = 0;
            let exited!: () => void;
            const gone = new Promise<void>((resolve) => (exited = resolve));
            stops.push(
                exitWhenEngineGone(address, {
                    exit: () => {
                        exits++;
                        exited();
                    },
                    intervalMs: 5,
                }),
            );
            return { gone, exits: () => exits };
        }

        it("leaves a process whose engine answers, and ends it once the engine stops answering", async () => {
            let checks = 0;
            const answered = new Promise<void>((resolve) =>
                server.on("connection", () => {
                    if (++checks === 3) resolve();
                }),
            );
            const watched = watch();

            await answered;
            expect(watched.exits(), "exits while the engine answered").to.equal(0);
            await new Promise((resolve) => server.close(resolve));
            await watched.gone;
        });
    });
});
