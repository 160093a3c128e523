// One rule for the three names the service limits the same way (Learn "service limits" pages of
// CLU, orchestration, custom text classification and custom NER, "naming limits"): letters
// a-z/A-Z, digits 0-9 and the symbols `_`, `.` and `-`, no spaces, at most 50 characters.
// (The OpenAPI files give project names `maxLength: 100`; the documented 50 is the one we keep.)
const allowedCharacters = /^[A-Za-z0-9_.-]+$/;
const firstDisallowed = /[^A-Za-z0-9_.-]/u;
const onlyDots = /^\.+$/;
const maxLength = 50;

function checkName(what: string, name: string): string | undefined {
    if (name.length === 0) {
        return `${what} must not be empty`;
    }
    // The name itself is not repeated: a value this long is more likely a pasted secret than a name.
    if (name.length > maxLength) {
        return `${what} is ${name.length} characters long; the maximum is ${maxLength}`;
    }
    if (!allowedCharacters.test(name)) {
        const found = JSON.stringify(firstDisallowed.exec(name)![0]);
        return `${what} ${JSON.stringify(name)} may contain only letters a-z and A-Z, digits, "_", "." and "-" (no spaces); ${found} is not allowed`;
    }
    // "." and ".." are path segments: a URL resolves them away, so the request would address
    // another path than the name (the collection, or the parent resource). Longer runs of dots
    // survive in a URL but are still no name; none of them can be created or deleted again.
    if (onlyDots.test(name)) {
        return `${what} ${JSON.stringify(name)} must not consist of dots only; add a letter or digit`;
    }
    return undefined;
}

/** Shared by provider input checks and emulator 400s, so both reject exactly the same names. */
export function checkProjectName(name: string): string | undefined {
    return checkName("project name", name);
}

/** Model labels become part of the model id and of training job bodies. */
export function checkModelLabel(label: string): string | undefined {
    return checkName("model label", label);
}

/** Deployment names appear in prediction URLs and orchestration targets. */
export function checkDeploymentName(name: string): string | undefined {
    return checkName("deployment name", name);
}
