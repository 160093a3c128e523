import { expect } from "chai";
import { earlierCheckOf } from "../../../provider/lifecycle/earlier-check";
import { replicationArgsSchema } from "../../../provider/lifecycle/inputs";

const secondary = { endpoint: "https://secondary.example", key: "fedcba9876543210" };
const revision = { lastModifiedDateTime: "2026-11-20T10:00:00Z", contentHash: "sha256:abc", changes: "" };
const args = (overrides: Record<string, unknown> = {}) =>
    replicationArgsSchema.parse({
        primary: { endpoint: "https://primary.example", key: "0123456789abcdef" },
        secondary,
        projectName: "faq",
        ...overrides,
    });
const olds = (overrides: Record<string, unknown> = {}) => ({
    projectName: "faq",
    secondaryProjectName: "faq",
    secondary,
    primaryRevision: revision,
    ...overrides,
});

describe("earlierCheckOf: the revision the last check saw, for the same replica only", () => {
    it("keeps the revision of the same project, replica name and secondary resource", () => {
        expect(earlierCheckOf(olds(), args())).to.deep.equal({ revision });
        const slashed = { ...secondary, endpoint: "https://secondary.example/" };
        expect(earlierCheckOf(olds({ secondary: slashed }), args())).to.deep.equal({ revision });
        expect(
            earlierCheckOf(olds({ secondaryProjectName: "copy" }), args({ secondaryProjectName: "copy" })),
        ).to.deep.equal({ revision });
    });

    it("has none for a replacement: another project, replica name or secondary", () => {
        expect(earlierCheckOf(olds({ projectName: "other" }), args())).to.deep.equal({});
        expect(earlierCheckOf(olds({ secondaryProjectName: "copy" }), args())).to.deep.equal({});
        expect(earlierCheckOf(olds(), args({ secondaryProjectName: "copy" }))).to.deep.equal({});
        const moved = { ...secondary, endpoint: "https://elsewhere.example" };
        expect(earlierCheckOf(olds({ secondary: moved }), args())).to.deep.equal({});
    });

    it("has none when the old inputs hold no valid secondary or revision", () => {
        expect(earlierCheckOf(olds({ secondary: "https://secondary.example" }), args())).to.deep.equal({});
        expect(earlierCheckOf(olds({ primaryRevision: { changes: "" } }), args())).to.deep.equal({});
        expect(earlierCheckOf({}, args())).to.deep.equal({});
    });
});
