/**
 * The `Name=value` parts of a storage connection string, names lower-cased (the SDK reads them
 * case-insensitively). A value may hold "=" (base64 account keys end in it), so only the first
 * one separates.
 */
export function connectionStringParts(connectionString: string): Map<string, string> {
    const parts = new Map<string, string>();
    for (const part of connectionString.split(";")) {
        const separator = part.indexOf("=");
        if (separator > 0) parts.set(part.slice(0, separator).trim().toLowerCase(), part.slice(separator + 1).trim());
    }
    return parts;
}
