"""Drives azure-ai-language-conversations-authoring, unchanged and at its default api-version,
through a project's whole life against the endpoint of the plan on stdin (see sdk_steps.py).

Plan: {"endpoint", "key", "file": an export file of a Conversation project, "training": the
training body of v1 and v2}.
"""

from azure.ai.language.conversations.authoring import (
    ConversationAuthoringClient,
    ConversationAuthoringProjectClient,
)
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


def main() -> None:
    plan = read_plan()
    file = plan["file"]
    name = file["metadata"]["projectName"]
    client = ConversationAuthoringClient(plan["endpoint"], credential(plan), polling_interval=POLLING_INTERVAL_SECONDS)
    # get_project_client() drops every option but the api-version (README, "SDK bugs"): build it directly.
    project = ConversationAuthoringProjectClient(
        plan["endpoint"], credential(plan), project_name=name, polling_interval=POLLING_INTERVAL_SECONDS
    )
    report("client", apiVersion=client._config.api_version, projectApiVersion=project._config.api_version)

    created = run_step(
        "create",
        lambda: client.create_project(
            name, body={"projectKind": "Conversation", "projectName": name, "language": "en"}
        ),
    )
    report("create", projectName=created.project_name, projectKind=created.project_kind)

    run_step("import", lambda: project.project.begin_import(body=file).result())
    details = project.project.get_project()
    report("import", projectName=details.project_name, hasLastTrained="lastTrainedDateTime" in details)

    export_job = run_step(
        "export",
        lambda: project.project.begin_export(string_index_type="Utf16CodeUnit", cls=keep_job_state).result(),
    )
    exported = get_json(project, export_job["resultUrl"])
    report(
        "export",
        status=export_job["status"],
        projectFileVersion=exported["projectFileVersion"],
        intents=sorted(intent["category"] for intent in exported["assets"]["intents"]),
    )

    results = {}
    for label in ("v1", "v2"):
        result = run_step(
            f"train {label}",
            lambda: project.project.begin_train(body={**plan["training"], "modelLabel": label}).result(),
        )
        results[label] = result
        report(
            "train",
            modelLabel=result.model_label,
            trainingStatus=result.training_status.status,
            evaluationStatus=result.evaluation_status.status,
        )
    models = {model.label: model.model_id for model in project.project.list_trained_models()}

    for deployment, label in (("production", "v1"), ("staging", "v2")):
        run_step(
            f"deploy {deployment}",
            lambda: project.deployment.begin_deploy_project(deployment, body={"trainedModelLabel": label}).result(),
        )
    report("deploy", deployments=sorted(d.deployment_name for d in project.project.list_deployments()))

    run_step(
        "swap",
        lambda: project.project.begin_swap_deployments(
            body={"firstDeploymentName": "production", "secondDeploymentName": "staging"}
        ).result(),
    )
    production = project.deployment.get_deployment("production")
    report("swap", productionServesV2=production.model_id == models["v2"])

    # polling=False: the job is left as the service took it, for the cancel to find it running.
    run_step(
        "train to cancel",
        lambda: project.project.begin_train(body={**plan["training"], "modelLabel": "cancelled"}, polling=False),
    )
    pending = [job for job in project.project.list_training_jobs() if job.status in ("notStarted", "running")]
    job_id = pending[0].job_id
    run_step("cancel", lambda: project.project.begin_cancel_training_job(job_id).result())
    report("cancel", status=project.project.get_training_status(job_id).status)

    run_step("delete deployment", lambda: project.deployment.begin_delete_deployment("staging").result())
    report("delete deployment", deployments=sorted(d.deployment_name for d in project.project.list_deployments()))

    run_step("delete project", lambda: client.begin_delete_project(name).result())
    try:
        client.get_project(name)
        report("delete project", gone=False)
    except ResourceNotFoundError:
        report("delete project", gone=True)


if __name__ == "__main__":
    main()
