import { loadState, saveState } from "./persistence";
import { emptyState, type EmulatorState, type ResourceState } from "./state-schema";

/**
 * The emulator's memory. Handlers change the objects it hands out in place; `flush` then writes
 * the whole state to the data dir (when there is one) if anything changed.
 */
export class Store {
    private lastWritten: string | undefined;

    private constructor(
        private readonly state: EmulatorState,
        private readonly dataDir: string | undefined,
    ) {
        this.lastWritten = dataDir === undefined ? undefined : JSON.stringify(state);
    }

    /** In memory only, or backed by `dataDir` (its previous state is loaded). */
    static open(dataDir: string | undefined): Store {
        return new Store(dataDir === undefined ? emptyState() : loadState(dataDir), dataDir);
    }

    resource(name: string): ResourceState {
        this.state.resources[name] ??= { projects: {}, jobs: {}, textJobs: {} };
        return this.state.resources[name];
    }

    flush(): void {
        if (this.dataDir === undefined) {
            return;
        }
        const serialized = JSON.stringify(this.state);
        if (serialized !== this.lastWritten) {
            saveState(this.dataDir, serialized);
            this.lastWritten = serialized;
        }
    }
}
