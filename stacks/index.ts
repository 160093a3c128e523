import * as pulumi from "@pulumi/pulumi";
import { azureProgram } from "./azure";
import { localProgram } from "./local/program";
import { localResources } from "./local/settings";

/**
 * The program Pulumi.yaml points at (`main: bin/stacks/`), for a Pulumi CLI that has the Node.js
 * language host. The stack named `local` replicates the sample projects between the resources of
 * the local emulator (which `npm start` runs); every other stack is an Azure stack configured by
 * its `Pulumi.<stack>.yaml`.
 */
export = async () => (pulumi.getStack() === "local" ? localProgram(localResources()) : azureProgram());
