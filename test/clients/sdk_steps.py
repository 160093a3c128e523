"""What the two SDK drivers share: reading the plan, reporting steps, waiting on pollers.

A driver reads its plan (endpoint, key, project file, ...) as JSON on stdin and prints one JSON
object per line on stdout for every step it completed; the mocha suite that spawned it checks
them. Any exception ends the driver with a traceback on stderr and a non-zero exit code.
"""

import json
import sys
from typing import Any, Callable, Dict, List, Tuple

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


# The steps both SDKs take alike: their project clients name these operations the same way.
# `facts` are reported with every step (the text driver adds the project kind).


def export_project(project: Any) -> Tuple[Dict[str, Any], Dict[str, Any]]:
    """Exports through the SDK's poller, then downloads the file from the job's resultUrl."""
    job = run_step(
        "export",
        lambda: project.project.begin_export(string_index_type="Utf16CodeUnit", cls=keep_job_state).result(),
    )
    return job, get_json(project, job["resultUrl"])


def train_models(project: Any, training: Dict[str, Any], facts: Dict[str, Any]) -> Dict[str, str]:
    """Trains v1 and v2 through the SDK's poller; their model ids by label."""
    for label in ("v1", "v2"):
        result = run_step(
            f"train {label}",
            lambda: project.project.begin_train(body={**training, "modelLabel": label}).result(),
        )
        report(
            "train",
            **facts,
            modelLabel=result.model_label,
            trainingStatus=result.training_status.status,
            evaluationStatus=result.evaluation_status.status,
        )
    return {model.label: model.model_id for model in project.project.list_trained_models()}


def deploy_and_swap(project: Any, models: Dict[str, str], facts: Dict[str, Any]) -> None:
    """Deploys v1 as production and v2 as staging, then swaps them."""
    for deployment, label in (("production", "v1"), ("staging", "v2")):
        run_step(
            f"deploy {deployment}",
            lambda: project.deployment.begin_deploy_project(deployment, body={"trainedModelLabel": label}).result(),
        )
    report("deploy", **facts, deployments=deployment_names(project))
    run_step(
        "swap",
        lambda: project.project.begin_swap_deployments(
            body={"firstDeploymentName": "production", "secondDeploymentName": "staging"}
        ).result(),
    )
    production = project.deployment.get_deployment("production")
    report("swap", **facts, productionServesV2=production.model_id == models["v2"])


def start_training_to_cancel(project: Any, training: Dict[str, Any]) -> str:
    """Starts a training job without polling it (so it is still running) and finds its id."""
    run_step(
        "train to cancel",
        lambda: project.project.begin_train(body={**training, "modelLabel": "cancelled"}, polling=False),
    )
    return next(job.job_id for job in project.project.list_training_jobs() if job.status in ("notStarted", "running"))


def delete_all(client: Any, project: Any, name: str, facts: Dict[str, Any]) -> None:
    """Deletes the staging deployment, then the project, through the SDK's pollers."""
    from azure.core.exceptions import ResourceNotFoundError

    run_step("delete deployment", lambda: project.deployment.begin_delete_deployment("staging").result())
    report("delete deployment", **facts, deployments=deployment_names(project))
    run_step("delete project", lambda: client.begin_delete_project(name).result())
    try:
        client.get_project(name)
        report("delete project", **facts, gone=False)
    except ResourceNotFoundError:
        report("delete project", **facts, gone=True)


def deployment_names(project: Any) -> List[str]:
    return sorted(deployment.deployment_name for deployment in project.project.list_deployments())
