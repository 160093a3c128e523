import { expect } from "chai";
import { check } from "../../../provider/lifecycle/check";
import { create } from "../../../provider/lifecycle/create";
import { remove } from "../../../provider/lifecycle/delete";
import { diff } from "../../../provider/lifecycle/diff";
import { provider } from "../../../provider/lifecycle/index";
import { read } from "../../../provider/lifecycle/read";
import { update } from "../../../provider/lifecycle/update";

describe("provider implementation", () => {
    it("answers every call of the dynamic-provider protocol with the lifecycle methods", async () => {
        expect(provider).to.deep.equal({
            configure: provider.configure,
            check,
            diff,
            create,
            read,
            update,
            delete: remove,
        });
        // Credentials come with each resource's inputs: configuring takes nothing and does nothing.
        expect(await provider.configure({} as never)).to.equal(undefined);
    });
});
