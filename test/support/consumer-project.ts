import { execFileSync } from "node:child_process";
import * as fs from "node:fs";
import * as path from "node:path";
import { repoRoot } from "../../scripts/pulumi/offline-environment";

/** What a user's machine would have: this package packed, installed into a project of its own. */
export interface ConsumerProject {
    dir: string;
    tarball: string;
    /** Bytes of the packed tarball and of the consumer's node_modules. */
    sizes: { tarball: number; nodeModules: number };
}

/** The first TypeScript block of the README's usage section: the program a user starts from. */
export function readmeUsageExample(): string {
    const readme = fs.readFileSync(path.join(repoRoot, "README.md"), "utf8");
    const section = readme.slice(readme.indexOf("## Using `ReplicatedLanguageProject`"));
    const example = /```ts\n([\s\S]*?)```/.exec(section)?.[1];
    if (example === undefined) throw new Error("README.md has no ```ts block under its usage section");
    return example;
}

/**
 * Packs this package (already built) and installs the tarball into a new Pulumi TypeScript
 * project in `dir`, as `npm install replicated-language-project` would: with `@pulumi/pulumi`
 * (its peer), TypeScript and ts-node (how Pulumi runs a TypeScript program), and nothing of
 * this repository on its module path.
 */
export function createConsumerProject(dir: string, program: string): ConsumerProject {
    fs.mkdirSync(dir, { recursive: true });
    const packed = npm(["pack", "--ignore-scripts", "--json", "--pack-destination", dir], repoRoot);
    const tarball = path.join(dir, (JSON.parse(packed) as { filename: string }[])[0]!.filename);
    const own = JSON.parse(fs.readFileSync(path.join(repoRoot, "package.json"), "utf8")) as {
        devDependencies: Record<string, string>;
    };
    const write = (file: string, text: string) => fs.writeFileSync(path.join(dir, file), text);
    write("Pulumi.yaml", "name: dr-consumer\nruntime: nodejs\ndescription: A user's program\n");
    write(
        "package.json",
        JSON.stringify(
            {
                name: "dr-consumer",
                private: true,
                main: "index.ts",
                dependencies: {
                    "replicated-language-project": `file:${path.basename(tarball)}`,
                    "@pulumi/pulumi": own.devDependencies["@pulumi/pulumi"],
                },
                devDependencies: {
                    "@types/node": own.devDependencies["@types/node"],
                    typescript: own.devDependencies.typescript,
                    "ts-node": "10.9.2",
                },
            },
            null,
            2,
        ),
    );
    // What `pulumi new typescript` writes.
    write(
        "tsconfig.json",
        JSON.stringify({
            compilerOptions: {
                strict: true,
                outDir: "bin",
                target: "es2020",
                module: "commonjs",
                moduleResolution: "node",
                sourceMap: true,
                experimentalDecorators: true,
                noFallthroughCasesInSwitch: true,
                noImplicitReturns: true,
                forceConsistentCasingInFileNames: true,
            },
            files: ["index.ts"],
        }),
    );
    write("index.ts", program);
    npm(["install", "--no-audit", "--no-fund", "--prefer-offline"], dir);
    return {
        dir,
        tarball,
        sizes: { tarball: fs.statSync(tarball).size, nodeModules: bytesUnder(path.join(dir, "node_modules")) },
    };
}

function npm(args: string[], cwd: string): string {
    return execFileSync("npm", args, { cwd, encoding: "utf8", stdio: ["ignore", "pipe", "pipe"] });
}

function bytesUnder(dir: string): number {
    let total = 0;
    for (const entry of fs.readdirSync(dir, { withFileTypes: true, recursive: true })) {
        if (entry.isFile()) total += fs.statSync(path.join(entry.parentPath, entry.name)).size;
    }
    return total;
}
