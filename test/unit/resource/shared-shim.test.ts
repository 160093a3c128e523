import { expect } from "chai";
import type * as pulumi from "@pulumi/pulumi";
import { ReplicatedLanguageProject, type ReplicatedLanguageProjectArgs } from "../../../provider/resource";
import { installMocks, removeMocks, resolve } from "../stacks/azure-mocks";

/** The module through which @pulumi/pulumi's dynamic resources serialize their provider, looked up at call time. */
const closure: {
    serializeFunction: (func: () => unknown, ...rest: unknown[]) => unknown;
} = require("@pulumi/pulumi/runtime/closure/serializeClosure");
/** The SDK's switch for that reuse; off here, so every resource asks, and the test sees what each one hands over. */
const settings: { cacheDynamicProviders: () => boolean } = require("@pulumi/pulumi/runtime/settings");

const replica = (projectName: string): ReplicatedLanguageProjectArgs => ({
    primary: { endpoint: "https://primary.example", key: "0123456789abcdef0123456789abcdef" },
    secondary: { endpoint: "https://secondary.example", key: "fedcba9876543210fedcba9876543210" },
    projectName,
});

/**
 * The SDK serializes a dynamic provider once per provider object and reuses the text for every
 * resource given the same object; a fleet whose replicas each got their own shim paid the
 * serialization (tens of milliseconds) once per replica.
 */
describe("ReplicatedLanguageProject: one provider shim for every replica", () => {
    const original = closure.serializeFunction;
    const caching = settings.cacheDynamicProviders;
    const serialized: unknown[] = [];

    beforeEach(async () => {
        await installMocks();
        serialized.length = 0;
        // Records the provider each serialization is asked for: the SDK passes `() => provider`.
        closure.serializeFunction = (func, ...rest) => (serialized.push(func()), original(func, ...rest));
        settings.cacheDynamicProviders = () => false;
    });

    afterEach(() => {
        closure.serializeFunction = original;
        settings.cacheDynamicProviders = caching;
        removeMocks();
    });

    it("hands the same provider object to the SDK for every resource", async () => {
        const replicas = ["faq", "travel", "tickets"].map((name) => new ReplicatedLanguageProject(name, replica(name)));
        await Promise.all(replicas.map((resource) => resolve(resource.urn)));
        const providers = new Set(serialized as pulumi.dynamic.ResourceProvider[]);
        expect(serialized, "serializations asked for").to.have.length(replicas.length);
        expect(providers.size, "distinct provider objects").to.equal(1);
    });
});
