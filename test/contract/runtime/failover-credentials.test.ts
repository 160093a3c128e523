import { expect } from "chai";
import { inspect } from "node:util";
import { createFailoverClient, type FailoverClient, type FailoverEvent } from "../../../runtime";
import { travelConversation } from "../../fixtures/emulator/sample-projects";
import { conversationTraining, deployProject } from "../emulator/support/deploy-project";
import { startTestBed, type TestBed } from "../emulator/support/test-bed";
import { acceptedToken, fixedToken, keyClient, testBreaker } from "./support/failover-bed";
import { asHttps, httpsToLoopbackHttp } from "./support/tls-stand-in";

describe("failover client: keys and Microsoft Entra ID", function () {
    let bed: TestBed;

    before(async () => {
        bed = await startTestBed({ jobTiming: { mode: "instant" }, entraTokens: [acceptedToken] });
        for (const resource of ["primary", "secondary"]) {
            await deployProject(bed.api(resource, "analyze-conversations"), travelConversation(), conversationTraining);
        }
    });

    afterEach(async () => {
        await bed.admin.endOutage("primary");
    });

    after(async () => {
        await bed.stop();
    });

    function entraClient(token: string): FailoverClient {
        const connection = (name: string) => ({ endpoint: asHttps(bed.resource(name).endpoint), entraId: {} });
        return createFailoverClient(
            {
                primary: connection("primary"),
                secondary: connection("secondary"),
                projectName: "TravelBot",
                deploymentName: "production",
                breaker: testBreaker,
                requestTimeoutMs: 250,
            },
            { credential: fixedToken(token), httpClient: httpsToLoopbackHttp() },
        );
    }

    it("signs in with Microsoft Entra ID through the SDKs' bearer token policy, and fails over the same", async () => {
        const client = entraClient(acceptedToken);
        expect((await client.analyzeConversation("book a flight to Oslo")).region).to.equal("primary");
        await bed.admin.startOutage("primary", { mode: "status" });
        for (let request = 1; request <= testBreaker.failureThreshold + 1; request++) {
            expect((await client.analyzeConversation("book a flight to Oslo")).region).to.equal("secondary");
        }
        expect(client.counters()).to.deep.include({ failovers: 1, failed: 0 });
    });

    it("returns a token the resource refuses as a 401, without failing over and without the token", async () => {
        const token = "eyJ0eXAiOiJKV1QifQ.refused-token.signature";
        const error = await entraClient(token)
            .analyzeConversation("hello")
            .then(
                () => expect.fail("answered"),
                (rejected: unknown) => rejected,
            );
        expect(error).to.include({ status: 401, isRetryable: false });
        expect(`${(error as Error).message} ${inspect(error)} ${JSON.stringify(error)}`).to.not.include(
            "refused-token",
        );
    });

    it("refuses Microsoft Entra ID over plain http, which the SDKs would not sign", () => {
        const connection = (name: string) => ({ endpoint: bed.resource(name).endpoint, entraId: {} });
        expect(() =>
            createFailoverClient({
                primary: connection("primary"),
                secondary: connection("secondary"),
                projectName: "TravelBot",
                deploymentName: "production",
            }),
        ).to.throw("Microsoft Entra ID needs an https endpoint");
    });

    it("never shows a key in an error, an event or the counters", async () => {
        const wrongKey = "wrong-key-0123456789abcdef";
        const secondaryKey = bed.resource("secondary").keys[0];
        const refused = await keyClient(bed, "TravelBot", {
            primary: { endpoint: bed.resource("primary").endpoint, key: wrongKey },
        })
            .analyzeConversation("hello")
            .then(
                () => expect.fail("answered"),
                (rejected: unknown) => rejected,
            );
        expect(refused).to.include({ status: 401 });

        const client = keyClient(bed, "TravelBot", {
            secondary: { endpoint: bed.resource("secondary").endpoint, key: secondaryKey },
        });
        const events: FailoverEvent[] = [];
        client.events.on("failover", (event) => events.push(event));
        await bed.admin.startOutage("primary", { mode: "status" });
        for (let request = 1; request <= testBreaker.failureThreshold; request++)
            await client.analyzeConversation("hi");
        await bed.admin.startOutage("secondary", { mode: "dropConnection" });
        const bothDown = await client.analyzeConversation("hi").then(
            () => expect.fail("answered"),
            (rejected: unknown) => rejected,
        );
        await bed.admin.endOutage("secondary");
        expect(events).to.have.length(1);
        const keys = [wrongKey, secondaryKey, bed.resource("primary").keys[0]];
        for (const seen of [refused, bothDown, ...events, client.counters()]) {
            const text = `${(seen as Error).message} ${inspect(seen, { depth: 10 })} ${JSON.stringify(seen)}`;
            for (const key of keys) expect(text).to.not.include(key);
        }
    });
});
