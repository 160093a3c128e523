"""Drives azure-ai-textanalytics-authoring, unchanged and at its default api-version, through the
whole life of one project of each custom text kind against the endpoint of the plan on stdin
(see sdk_steps.py). The documents the projects reference are already in the resource's storage.

Plan: {"endpoint", "key", "files": export files of text projects, "training": the training body}.
"""

from azure.ai.textanalytics.authoring import TextAuthoringClient, TextAuthoringProjectClient
from azure.core.exceptions import ResourceNotFoundError

from sdk_steps import (
    POLLING_INTERVAL_SECONDS,
    credential,
    get_json,
    keep_job_state,
    read_plan,
    report,
    run_step,
)


def drive(client: TextAuthoringClient, plan: dict, file: dict) -> None:
    metadata = file["metadata"]
    name = metadata["projectName"]
    kind = metadata["projectKind"]
    # get_project_client() drops every option but the api-version (README, "SDK bugs"): build it directly.
    project = TextAuthoringProjectClient(
        plan["endpoint"], credential(plan), project_name=name, polling_interval=POLLING_INTERVAL_SECONDS
    )

    created = run_step(
        f"{kind} create",
        lambda: client.create_project(
            name,
            body={
                "projectKind": kind,
                "projectName": name,
                "language": metadata["language"],
                "storageInputContainerName": metadata["storageInputContainerName"],
            },
        ),
    )
    report("create", kind=kind, projectName=created.project_name)

    run_step(f"{kind} import", lambda: project.project.begin_import(body=file).result())
    report("import", kind=kind, projectName=project.project.get_project().project_name)

    export_job = run_step(
        f"{kind} export",
        lambda: project.project.begin_export(string_index_type="Utf16CodeUnit", cls=keep_job_state).result(),
    )
    exported = get_json(project, export_job["resultUrl"])
    report(
        "export",
        kind=kind,
        projectFileVersion=exported["projectFileVersion"],
        documents=len(exported["assets"]["documents"]),
    )

    for label in ("v1", "v2"):
        result = run_step(
            f"{kind} train {label}",
            lambda: project.project.begin_train(body={**plan["training"], "modelLabel": label}).result(),
        )
        report(
            "train",
            kind=kind,
            modelLabel=result.model_label,
            trainingStatus=result.training_status.status,
            evaluationStatus=result.evaluation_status.status,
        )
    models = {model.label: model.model_id for model in project.project.list_trained_models()}

    for deployment, label in (("production", "v1"), ("staging", "v2")):
        run_step(
            f"{kind} deploy {deployment}",
            lambda: project.deployment.begin_deploy_project(deployment, body={"trainedModelLabel": label}).result(),
        )
    report("deploy", kind=kind, deployments=sorted(d.deployment_name for d in project.project.list_deployments()))

    run_step(
        f"{kind} swap",
        lambda: project.project.begin_swap_deployments(
            body={"firstDeploymentName": "production", "secondDeploymentName": "staging"}
        ).result(),
    )
    report("swap", kind=kind, productionServesV2=project.deployment.get_deployment("production").model_id == models["v2"])

    # polling=False: the job is left as the service took it, for the cancel to find it running.
    run_step(
        f"{kind} train to cancel",
        lambda: project.project.begin_train(body={**plan["training"], "modelLabel": "cancelled"}, polling=False),
    )
    job_id = next(job.job_id for job in project.project.list_training_jobs() if job.status in ("notStarted", "running"))
    # The SDK's poller never ends on `cancelled` (README, "SDK bugs"): send the cancel without it,
    # then poll the job's status URL (the cancel's Operation-Location) until the job is final.
    answers = []
    run_step(
        f"{kind} cancel",
        lambda: project.project.begin_cancel_training_job(job_id, polling=False, raw_response_hook=answers.append),
    )
    report("cancel", kind=kind, status=final_status(project, answers[-1].http_response.headers["Operation-Location"]))

    run_step(f"{kind} delete deployment", lambda: project.deployment.begin_delete_deployment("staging").result())
    report(
        "delete deployment",
        kind=kind,
        deployments=sorted(d.deployment_name for d in project.project.list_deployments()),
    )

    run_step(f"{kind} delete project", lambda: client.begin_delete_project(name).result())
    try:
        client.get_project(name)
        report("delete project", kind=kind, gone=False)
    except ResourceNotFoundError:
        report("delete project", kind=kind, gone=True)


def final_status(project: TextAuthoringProjectClient, status_url: str, polls: int = 20) -> str:
    for _ in range(polls):
        status = get_json(project, status_url)["status"]
        if status not in ("notStarted", "running", "cancelling"):
            return status
    raise RuntimeError(f"job {status_url} still {status} after {polls} polls")


def main() -> None:
    plan = read_plan()
    client = TextAuthoringClient(plan["endpoint"], credential(plan), polling_interval=POLLING_INTERVAL_SECONDS)
    report("client", apiVersion=client._config.api_version)
    for file in plan["files"]:
        drive(client, plan, file)


if __name__ == "__main__":
    main()
