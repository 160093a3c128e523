import * as fs from "node:fs";
import * as path from "node:path";
import { parseContract } from "../../provider/contract";
import { removeStaleTempFiles, writeFileAtomically } from "./atomic-file";
import { emptyState, emulatorStateSchema, type EmulatorState } from "./state-schema";

const stateFileName = "language-emulator-state.json";

/** Where a data dir keeps the state; one file, so one atomic rename commits everything. */
export function stateFileIn(dataDir: string): string {
    return path.join(dataDir, stateFileName);
}

/** Reads the state of a previous run, or an empty state for a new data dir. */
export function loadState(dataDir: string): EmulatorState {
    fs.mkdirSync(dataDir, { recursive: true });
    const file = stateFileIn(dataDir);
    removeStaleTempFiles(file);
    if (!fs.existsSync(file)) {
        return emptyState();
    }
    let json: unknown;
    try {
        json = JSON.parse(fs.readFileSync(file, "utf8"));
    } catch (error) {
        throw new Error(`reading emulator state ${file}: ${(error as Error).message}`);
    }
    return parseContract(emulatorStateSchema, json, `emulator state ${file}`);
}

export function saveState(dataDir: string, serialized: string): void {
    writeFileAtomically(stateFileIn(dataDir), serialized);
}
