import type * as pulumi from "@pulumi/pulumi";
import { check } from "./check";
import { create } from "./create";
import { remove } from "./delete";
import { diff } from "./diff";
import { read } from "./read";
import { engineAddress, exitWhenEngineGone } from "./provider-process";
import { update } from "./update";

const engine = engineAddress();
if (engine) exitWhenEngineGone(engine);

/**
 * The implementation the shim loads at call time (package export
 * `replicated-language-project/provider-implementation`). Credentials come with each resource's
 * inputs, so there is nothing to configure.
 */
export const provider: Required<pulumi.dynamic.ResourceProvider> = {
    configure: async () => {},
    check,
    diff,
    create,
    read,
    update,
    delete: remove,
};
