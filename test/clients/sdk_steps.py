"""What the two SDK drivers share: reading the plan, reporting steps, waiting on pollers.

A driver reads its plan (endpoint, key, project file, ...) as JSON on stdin and prints one JSON
object per line on stdout for every step it completed; the mocha suite that spawned it checks
them. Any exception ends the driver with a traceback on stderr and a non-zero exit code.
"""

import json
import sys
from typing import Any, Callable, Dict

from azure.core.credentials import AzureKeyCredential

# The emulator answers jobs after a few polls; a short interval (an SDK keyword, not a patch)
# keeps the suite quick. The SDKs' default is 30 s between polls.
POLLING_INTERVAL_SECONDS = 0.05


def read_plan() -> Dict[str, Any]:
    return json.load(sys.stdin)


def credential(plan: Dict[str, Any]) -> AzureKeyCredential:
    return AzureKeyCredential(plan["key"])


def report(step: str, **facts: Any) -> None:
    print(json.dumps({"step": step, **facts}), flush=True)


def keep_job_state(pipeline_response: Any, _deserialized: Any, _headers: Any) -> Dict[str, Any]:
    """`cls` for a begin_* call: the final job state the poller read, as JSON."""
    return pipeline_response.http_response.json()


def get_json(client: Any, url: str) -> Dict[str, Any]:
    """GET an absolute URL (an export's resultUrl) through the client's own pipeline and key."""
    from azure.core.rest import HttpRequest

    response = client.send_request(HttpRequest("GET", url))
    response.raise_for_status()
    return response.json()


def run_step(name: str, action: Callable[[], Any]) -> Any:
    try:
        return action()
    except Exception as error:  # noqa: BLE001 - the step name makes the traceback readable
        raise RuntimeError(f"step {name!r} failed: {error}") from error
