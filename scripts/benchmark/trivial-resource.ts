import * as pulumi from "@pulumi/pulumi";

/** A dynamic provider that does nothing: what any dynamic resource costs the engine and the SDK. */
const nothingDone: pulumi.dynamic.ResourceProvider = {
    async create(inputs) {
        return { id: String(inputs.name), outs: inputs };
    },
};

/** The yardstick of P3: a dynamic resource sharing its provider object with the others, as replicas do. */
export class TrivialResource extends pulumi.dynamic.Resource {
    constructor(name: string) {
        super(nothingDone, name, { name }, {});
    }
}
