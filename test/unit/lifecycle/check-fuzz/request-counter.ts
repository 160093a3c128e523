import * as net from "node:net";
import type { HttpRequest, HttpResponse } from "../../../../provider/client/http-send";
import { FakeClock } from "../../../support/fake-clock";

/**
 * Counts what leaves the process while `check` runs, at two levels: every request the
 * provider's transport sends (answered 404, so a check that got that far ends quickly), and
 * every socket anything opens (Microsoft Entra ID credentials, got, fetch), which is refused.
 * Nothing reaches a network either way.
 */
export class RequestCounter {
    readonly requests: string[] = [];
    readonly sockets: string[] = [];
    private original?: typeof net.Socket.prototype.connect;

    /** The HTTP layer to hand `check`: counting, answering, never waiting on the real clock. */
    readonly io = {
        send: async (request: HttpRequest): Promise<HttpResponse> => {
            this.requests.push(`${request.method} ${request.url}`);
            const error = { code: "ProjectNotFound", message: "The project could not be found." };
            return { status: 404, headers: {}, text: JSON.stringify({ error }) };
        },
        clock: new FakeClock(),
    };

    /** Refuses and records every socket connection until `uninstall`. */
    install(): void {
        const original = net.Socket.prototype.connect;
        const sockets = this.sockets;
        this.original = original;
        net.Socket.prototype.connect = function (this: net.Socket, ...args: unknown[]) {
            sockets.push(JSON.stringify(args[0]) ?? "socket");
            process.nextTick(() => this.destroy(new Error("the check fuzz suite refuses network access")));
            return this;
        } as typeof original;
    }

    uninstall(): void {
        if (this.original) net.Socket.prototype.connect = this.original;
    }

    reset(): void {
        this.requests.length = 0;
        this.sockets.length = 0;
    }
}
