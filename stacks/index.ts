import * as pulumi from "@pulumi/pulumi";
import { localProgram } from "./local/program";
import { localEndpointsFrom, localResources } from "./local/settings";

/**
 * The program of this directory's Pulumi.yaml (`main: bin/stacks/index.js`). The stack named
 * `local` replicates the sample projects between the resources of the local emulator (which
 * `npm start` runs); every other stack is an Azure stack configured by its
 * `stacks/Pulumi.<stack>.yaml`, loaded only then, so the local stack never loads azure-native.
 */
export = async () => {
    // The local runner says where its services listen when they are not on the fixed local ports (tests).
    if (pulumi.getStack() === "local") return localProgram(localResources(localEndpointsFrom(process.env)));
    const { azureProgram }: typeof import("./azure") = require("./azure");
    return azureProgram();
};
