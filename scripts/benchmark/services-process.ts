import { sampleProjects } from "../../stacks/local/samples";
import { uploadMissingDocuments } from "../../stacks/local/seed-primary";
import { freePorts, startLocalServices } from "../local-stack/local-services";

/**
 * The benchmark's services in a process of their own, as the service is in its own region: the
 * emulator and Azurite must not wait for the Pulumi program (an inline program runs in the
 * benchmark's process) nor it for them. Prints one JSON line with the endpoints once they
 * listen; stops them when its stdin closes (the benchmark ended, however it ended).
 */
async function main(): Promise<void> {
    const services = await startLocalServices({ ports: freePorts, jobTiming: { mode: "instant" } });
    // The benchmark's text replicas copy no documents: the secondary's own account holds the samples' already.
    for (const { documents } of sampleProjects) {
        if (documents) await uploadMissingDocuments(services.storage.secondary.connectionString, documents);
    }
    const endpoints = {
        emulatorUrl: services.emulator.url,
        storageConnectionString: services.storage.primary.connectionString,
    };
    process.stdout.write(`${JSON.stringify(endpoints)}\n`);
    process.stdin.resume();
    process.stdin.once("end", () => void services.stop().then(() => process.exit(0)));
}

main().catch((error: Error) => {
    console.error(error.stack ?? error.message);
    process.exit(1);
});
