import * as pulumi from "@pulumi/pulumi";
import { type ReplicatedLanguageProjectArgs } from "../../provider";
import { optionsOf, registeredPropertiesOf } from "../../provider/resource";

/** A dynamic provider that does nothing: what any dynamic resource costs the engine and the SDK. */
const nothingDone: pulumi.dynamic.ResourceProvider = {
    async create(inputs) {
        return { id: String(inputs.name ?? inputs.projectName), outs: inputs };
    },
};

/** The yardstick of P3: a dynamic resource sharing its provider object with the others, as replicas do. */
export class TrivialResource extends pulumi.dynamic.Resource {
    constructor(name: string) {
        super(nothingDone, name, { name }, {});
    }
}

/**
 * P3's second yardstick: a resource that does nothing but registers exactly what a replica
 * registers (its inputs, secrets, the output names it lists, its options). The SDK's and the
 * engine's cost grows with each property; what a replica costs beyond this is its provider's.
 */
export class ReplicaShapedResource extends pulumi.dynamic.Resource {
    constructor(name: string, args: ReplicatedLanguageProjectArgs) {
        super(
            nothingDone,
            name,
            registeredPropertiesOf(name, args, undefined),
            optionsOf(undefined),
            "language",
            "Shaped",
        );
    }
}
