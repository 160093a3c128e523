import * as fs from "node:fs";
import * as path from "node:path";

/** Every file below a folder, concatenated: for searching state files for secrets. */
export function readTree(folder: string): string {
    return fs
        .readdirSync(folder, { recursive: true, withFileTypes: true })
        .filter((entry) => entry.isFile())
        .map((entry) => fs.readFileSync(path.join(entry.parentPath, entry.name), "utf8"))
        .join("\n");
}
