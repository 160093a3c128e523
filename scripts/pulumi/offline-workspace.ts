import { LocalWorkspace, PulumiCommand, type PulumiFn, type Stack } from "@pulumi/pulumi/automation";
import { offlineEnvironment, pulumiToolsRoot } from "./offline-environment";

export interface OfflineStackArgs {
    stackName: string;
    projectName: string;
    /** The directory holding Pulumi.yaml; one is written there when it has none. */
    workDir: string;
    program: PulumiFn;
    /** A fixed passphrase for this stack's secrets, whatever the environment says. */
    passphrase?: string;
    /** The file backend's folder; `.pulumi-state/` by default (tests keep their stacks apart). */
    stateDir?: string;
}

/**
 * Creates or selects a stack whose program runs in this process (an Automation API inline
 * program) and whose engine is the CLI from .tools/pulumi. Inline programs need no Node.js
 * language host, which the Go module proxy does not serve (see README, "The Pulumi CLI").
 */
export async function openOfflineStack(args: OfflineStackArgs): Promise<Stack> {
    const pulumiCommand = await PulumiCommand.get({ root: pulumiToolsRoot });
    return LocalWorkspace.createOrSelectStack(
        { stackName: args.stackName, projectName: args.projectName, program: args.program },
        { workDir: args.workDir, envVars: offlineEnvironment(args.passphrase, args.stateDir), pulumiCommand },
    );
}
