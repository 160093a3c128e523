"""Drives azure-ai-textanalytics-authoring, unchanged and at its default api-version, through the
whole life of one project of each custom text kind against the endpoint of the plan on stdin
(see sdk_steps.py). The documents the projects reference are already in the resource's storage.

Plan: {"endpoint", "key", "files": export files of text projects, "training": the training body}.
"""

from azure.ai.textanalytics.authoring import TextAuthoringClient, TextAuthoringProjectClient

from sdk_steps import (
    POLLING_INTERVAL_SECONDS,
    credential,
    delete_all,
    deploy_and_swap,
    export_project,
    get_json,
    read_plan,
    report,
    run_step,
    start_training_to_cancel,
    train_models,
)


def drive(client: TextAuthoringClient, plan: dict, file: dict) -> None:
    metadata = file["metadata"]
    name = metadata["projectName"]
    facts = {"kind": metadata["projectKind"]}
    # get_project_client() drops every option but the api-version (README, "SDK bugs"): build it directly.
    project = TextAuthoringProjectClient(
        plan["endpoint"], credential(plan), project_name=name, polling_interval=POLLING_INTERVAL_SECONDS
    )

    options = {
        key: metadata[key] for key in ("projectKind", "projectName", "language", "storageInputContainerName")
    }
    created = run_step("create", lambda: client.create_project(name, body=options))
    report("create", **facts, projectName=created.project_name)

    run_step("import", lambda: project.project.begin_import(body=file).result())
    report("import", **facts, projectName=project.project.get_project().project_name)

    _, exported = export_project(project)
    report(
        "export",
        **facts,
        projectFileVersion=exported["projectFileVersion"],
        documents=len(exported["assets"]["documents"]),
    )

    deploy_and_swap(project, train_models(project, plan["training"], facts), facts)

    job_id = start_training_to_cancel(project, plan["training"])
    # The SDK's poller never ends on `cancelled` (README, "SDK bugs"): send the cancel without it,
    # then poll the job's status URL (the cancel's Operation-Location) until the job is final.
    answers = []
    run_step(
        "cancel",
        lambda: project.project.begin_cancel_training_job(job_id, polling=False, raw_response_hook=answers.append),
    )
    report("cancel", **facts, status=final_status(project, answers[-1].http_response.headers["Operation-Location"]))

    delete_all(client, project, name, facts)


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
