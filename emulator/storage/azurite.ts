import * as fs from "node:fs";
import { createRequire, Module } from "node:module";
import * as net from "node:net";
import * as path from "node:path";

/** A storage account Azurite serves: its name and key (base64, as Azure gives keys). */
export interface AzuriteAccount {
    readonly name: string;
    readonly key: string;
}

/** Azurite's built-in account and its published key (the same in every Azurite install). */
const builtInAccount: AzuriteAccount = {
    name: "devstoreaccount1",
    key: "Eby8vdM02xNOcqFlqUwJPLlmEtlCDXJ1OUzFT50uSRZ6IFsuFq2UVErCz4I6tq/K1SZFPTOtr/KBHBeksoGMGw==",
};

export interface AzuriteOptions {
    /** 0 (the default) picks a free port. */
    readonly port?: number;
    /** Keep blobs in this folder across restarts; in memory when absent. */
    readonly location?: string;
    /**
     * The accounts this instance serves; Azurite's built-in `devstoreaccount1` when absent. Accounts
     * of one instance can copy blobs from each other server-side (Copy Blob From URL with a SAS);
     * Azurite cannot copy between instances.
     */
    readonly accounts?: readonly AzuriteAccount[];
}

/** One account of a running Azurite. */
export interface AzuriteEndpoint {
    readonly accountName: string;
    /** Blob endpoint of the account, e.g. `http://127.0.0.1:10000/devstoreaccount1`. */
    readonly blobEndpoint: string;
    readonly connectionString: string;
}

export interface RunningAzurite extends AzuriteEndpoint {
    /** Every account served, the first one also being this object's own fields. */
    readonly accounts: readonly AzuriteEndpoint[];
    stop(): Promise<void>;
}

// The slice of Azurite's blob server this module uses. Azurite ships no typings; these are the
// classes its own `azurite-blob` CLI builds (dist/src/blob/main.js via BlobServerFactory).
interface AzuriteBlobServer {
    start(): Promise<void>;
    close(): Promise<void>;
    getHttpServerAddress(): string;
    /** The node http server (wrapped by `stoppable`); emits "close" once it no longer listens. */
    readonly httpServer: { once(event: "close", listener: () => void): void };
    /** Azurite's account store (common/AccountDataStore); `refresh` fills `accounts` on start and every minute. */
    readonly accountDataStore: { refresh(): void };
}
type BlobServerClass = new (configuration: unknown) => AzuriteBlobServer;
type BlobConfigurationClass = new (...args: unknown[]) => unknown;

/**
 * Starts Azurite's blob service in this process on 127.0.0.1. In-process rather than a child
 * process: no output to parse for the port, nothing left running if the caller dies.
 */
export async function startAzurite(options: AzuriteOptions = {}): Promise<RunningAzurite> {
    // Azurite starts its stores' timers before it listens, and a failed listen leaves them
    // running (the process never exits): find a taken port before Azurite does.
    if (options.port) await ensurePortFree(options.port);
    skipAzuriteTelemetry();
    const BlobServer = (require("azurite/dist/src/blob/BlobServer") as { default: BlobServerClass }).default;
    const BlobConfiguration = (
        require("azurite/dist/src/blob/BlobConfiguration") as { default: BlobConfigurationClass }
    ).default;
    const location = options.location;
    const inMemory = location === undefined;
    if (location !== undefined) {
        fs.mkdirSync(location, { recursive: true });
    }
    // Positional, as BlobConfiguration's constructor declares them.
    const configuration = new BlobConfiguration(
        "127.0.0.1",
        options.port ?? 0,
        5, // keep-alive timeout, seconds (Azurite's default)
        path.join(location ?? "", "__azurite_db_blob__.json"),
        path.join(location ?? "", "__azurite_db_blob_extent__.json"),
        inMemory
            ? []
            : [{ locationId: "Default", locationPath: path.join(location, "__blobstorage__"), maxConcurrency: 10 }],
        false, // access log
        undefined,
        false, // debug log
        undefined,
        false, // loose
        true, // skip the api-version check: @azure/storage-blob may be newer than this Azurite
        "",
        "",
        "",
        undefined, // oauth
        true, // the account is the first path segment, never the host name
        inMemory,
    );
    const server = new BlobServer(configuration);
    const accounts = options.accounts ?? [builtInAccount];
    serveAccounts(server, accounts);
    await server.start();
    let stopping: Promise<void> | undefined;
    const endpoints = accounts.map((account): AzuriteEndpoint => {
        const blobEndpoint = `${server.getHttpServerAddress()}/${account.name}`;
        return {
            accountName: account.name,
            blobEndpoint,
            connectionString: `DefaultEndpointsProtocol=http;AccountName=${account.name};AccountKey=${account.key};BlobEndpoint=${blobEndpoint};`,
        };
    });
    return {
        ...endpoints[0]!,
        accounts: endpoints,
        // close() only starts stopping the http server: wait until it lets go of the port, so
        // the next start on the same port (the local runner's next command) finds it free.
        // Idempotent: a test stops one region's storage, then the bed stops everything.
        stop: () =>
            (stopping ??= (async () => {
                const released = new Promise<void>((resolve) => server.httpServer.once("close", resolve));
                await server.close();
                await released;
            })()),
    };
}

/**
 * Azurite reads its accounts from the process-wide AZURITE_ACCOUNTS variable (and re-reads it
 * every minute); several instances in one process need their own, so this instance's store is
 * given its accounts directly, in the shape its parser builds.
 */
function serveAccounts(server: AzuriteBlobServer, accounts: readonly AzuriteAccount[]): void {
    const parsed = Object.fromEntries(
        accounts.map((account) => [account.name, { name: account.name, key1: Buffer.from(account.key, "base64") }]),
    );
    server.accountDataStore.refresh = function (this: { accounts: unknown }) {
        this.accounts = parsed;
    };
}

/**
 * Azurite's own CLI sends opt-out telemetry, and for that Azurite imports Application Insights
 * as it loads: about 2,700 modules and 2-3 s on every start. In-process the telemetry is never
 * switched on (only Azurite's CLI entry points call AzuriteTelemetryClient.init, and every use
 * is guarded by that), so an empty module stands in for it.
 */
function skipAzuriteTelemetry(): void {
    const fromAzurite = createRequire(require.resolve("azurite/dist/src/common/Telemetry.js"));
    const resolved = fromAzurite.resolve("applicationinsights");
    if (require.cache[resolved] !== undefined) {
        return;
    }
    const stub = new Module(resolved);
    stub.exports = {};
    stub.loaded = true;
    require.cache[resolved] = stub;
}

/** Rejects with the listen error (EADDRINUSE) when the port is taken on 127.0.0.1. */
function ensurePortFree(port: number): Promise<void> {
    return new Promise((resolve, reject) => {
        const probe = net.createServer();
        probe.once("error", reject);
        probe.listen(port, "127.0.0.1", () => probe.close(() => resolve()));
    });
}
