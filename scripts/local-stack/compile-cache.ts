import { enableCompileCache } from "node:module";
import { compileCacheDir } from "../pulumi/offline-environment";

// Imported first by the local runner, so that what it loads after (Azurite, the emulator, the
// storage SDK) comes from the compile cache the CLI's processes share (see compileCacheDir).
enableCompileCache(compileCacheDir);
