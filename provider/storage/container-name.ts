/**
 * Blob container names (Learn "Naming and referencing containers, blobs, and metadata"): 3 to 63
 * lowercase letters, digits and single hyphens, starting and ending with a letter or digit.
 */
export const containerNamePattern = /^(?=.{3,63}$)[a-z0-9]+(?:-[a-z0-9]+)*$/;

export const containerNameRule = "must be 3-63 lowercase letters, digits and single hyphens, not at either end";
