import type * as pulumi from "@pulumi/pulumi";

/**
 * Builds the object handed to `pulumi.dynamic.Resource`.
 *
 * Pulumi serializes that object, with everything its methods capture, into the stack state as
 * `__provider`, and later runs the serialized copy in a separate process. Keeping it a shim
 * that captures nothing but a module specifier has three effects:
 * - the state stays small and never holds zod, got, configuration or secrets;
 * - a fix to the implementation takes effect on the next command, even for `read` and
 *   `delete`, which otherwise run the code stored in state;
 * - the state is portable: the specifier is resolved at call time from the program directory
 *   (the engine's working directory for providers), never from a path of the machine that
 *   wrote the state.
 *
 * `specifier` is resolved like an import written in a file of the program directory: a package
 * export such as `replicated-language-project/provider-implementation` (found in node_modules,
 * or by self-reference when the program lives in this package), or an absolute path.
 * The module it names must export `provider`, a complete `ResourceProvider`.
 */
export function lazyProvider(specifier: string): pulumi.dynamic.ResourceProvider {
    // Everything below runs inside the provider process, after deserialization: `require`
    // is that process's, so nothing here is captured from the program by value.
    const implementation = (): Required<pulumi.dynamic.ResourceProvider> => {
        const { createRequire } = require("node:module");
        const { join } = require("node:path");
        const requireFromProgram = createRequire(join(process.cwd(), "program.js"));
        return requireFromProgram(specifier).provider;
    };
    return {
        configure: (request) => implementation().configure(request),
        check: (olds, news) => implementation().check(olds, news),
        diff: (id, olds, news) => implementation().diff(id, olds, news),
        create: (inputs) => implementation().create(inputs),
        read: (id, props) => implementation().read(id, props),
        update: (id, olds, news) => implementation().update(id, olds, news),
        delete: (id, props) => implementation().delete(id, props),
    };
}
