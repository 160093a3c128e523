// One rule for the three names the service limits the same way (Learn "service limits"):
// letters a-z/A-Z, digits, `_`, `.` and `-`, no spaces, at most 50 characters.
// (The CLU spec allows 100 for project names; the documented limit of 50 is the one we keep.)
const allowedCharacters = /^[A-Za-z0-9_.-]+$/;
const maxLength = 50;

function checkName(what: string, name: string): string | undefined {
    if (name.length === 0) {
        return `${what} must not be empty`;
    }
    if (name.length > maxLength) {
        return `${what} "${name}" is ${name.length} characters long; the maximum is ${maxLength}`;
    }
    if (!allowedCharacters.test(name)) {
        return `${what} "${name}" may contain only letters, digits, "_", "." and "-" (no spaces)`;
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
