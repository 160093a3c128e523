import { expect } from "chai";
import { routeTable } from "../../../emulator/api/route-table";
import { matchRoute } from "../../../emulator/api/router";

const projects = "/language/authoring/analyze-text/projects";

describe("emulator/api/router", () => {
    const patternOf = (method: string, path: string) => matchRoute(routeTable, method, path)?.route.pattern;

    it("prefers literal segments over parameters where they compete", () => {
        expect(patternOf("GET", `${projects}/global/languages`)).to.equal("global/languages");
        expect(patternOf("GET", `${projects}/p/deployments/swap/jobs/1`)).to.equal(
            "{projectName}/deployments/swap/jobs/{jobId}",
        );
        expect(patternOf("GET", `${projects}/p/deployments/prod/jobs/1`)).to.equal(
            "{projectName}/deployments/{deploymentName}/jobs/{jobId}",
        );
        expect(patternOf("POST", `${projects}/p/deployments/:swap`)).to.equal("{projectName}/deployments/:swap");
    });

    it("decodes parameters and knows the family", () => {
        const match = matchRoute(
            routeTable,
            "GET",
            "/language/authoring/analyze-conversations/projects/my%2Eproject/models/v1",
        );
        expect(match?.family).to.equal("analyze-conversations");
        expect(match?.params).to.deep.equal({ projectName: "my.project", trainedModelLabel: "v1" });
    });

    it("matches nothing outside the authoring API or with a wrong method", () => {
        expect(matchRoute(routeTable, "GET", "/language/authoring/analyze-images/projects")).to.equal(undefined);
        expect(matchRoute(routeTable, "GET", "/text/analytics/v3.1/entities")).to.equal(undefined);
        expect(matchRoute(routeTable, "POST", `${projects}/p`)).to.equal(undefined);
        expect(matchRoute(routeTable, "GET", `${projects}/p/`)).to.equal(undefined);
    });
});
