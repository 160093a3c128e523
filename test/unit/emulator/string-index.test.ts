import { expect } from "chai";
import { measureSpan, textElementCount } from "../../../emulator/runtime/string-index";

describe("emulator/runtime/string-index", () => {
    // "e" + combining acute (1 text element, 2 code points), a rocket (1 element, 1 point, 2 units).
    const text = "Cafe\u0301 🚀 Oslo";
    const oslo = { offset: text.indexOf("Oslo"), length: 4 };

    it("counts UTF-16 code units, code points and text elements", () => {
        expect(oslo).to.deep.equal({ offset: 9, length: 4 });
        expect(measureSpan(text, oslo, "Utf16CodeUnit")).to.deep.equal({ offset: 9, length: 4 });
        expect(measureSpan(text, oslo, "UnicodeCodePoint")).to.deep.equal({ offset: 8, length: 4 });
        expect(measureSpan(text, oslo, "TextElements_v8")).to.deep.equal({ offset: 7, length: 4 });
        expect(measureSpan(text, oslo)).to.deep.equal({ offset: 7, length: 4 });
        expect(measureSpan(text, { offset: 0, length: 5 }, "TextElement_V8")).to.deep.equal({ offset: 0, length: 4 });
        expect(textElementCount(text)).to.equal(11);
    });
});
