import { expect } from "chai";
import { spanMeasure, textElementCount } from "../../../emulator/runtime/string-index";

describe("emulator/runtime/string-index", () => {
    // "e" + combining acute (1 text element, 2 code points), a rocket (1 element, 1 point, 2 units).
    const text = "Cafe\u0301 🚀 Oslo";
    const oslo = { offset: text.indexOf("Oslo"), length: 4 };

    it("counts UTF-16 code units, code points and text elements", () => {
        expect(oslo).to.deep.equal({ offset: 9, length: 4 });
        expect(spanMeasure(text, "Utf16CodeUnit")(oslo)).to.deep.equal({ offset: 9, length: 4 });
        expect(spanMeasure(text, "UnicodeCodePoint")(oslo)).to.deep.equal({ offset: 8, length: 4 });
        expect(spanMeasure(text, "TextElements_v8")(oslo)).to.deep.equal({ offset: 7, length: 4 });
        expect(spanMeasure(text)(oslo)).to.deep.equal({ offset: 7, length: 4 });
        expect(spanMeasure(text, "TextElement_V8")({ offset: 0, length: 5 })).to.deep.equal({ offset: 0, length: 4 });
        expect(textElementCount(text)).to.equal(11);
        // The end of the text, and an empty span at it.
        expect(spanMeasure(text, "UnicodeCodePoint")({ offset: text.length, length: 0 })).to.deep.equal({
            offset: 12,
            length: 0,
        });
    });
});
