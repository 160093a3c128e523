"""Drives azure-ai-language-conversations-authoring, unchanged and at its default api-version,
through a project's whole life against the endpoint of the plan on stdin (see sdk_steps.py).

Plan: {"endpoint", "key", "file": an export file of a Conversation project, "training": the
training body of v1 and v2}.
"""

from azure.ai.language.conversations.authoring import (
    ConversationAuthoringClient,
    ConversationAuthoringProjectClient,
)

from sdk_steps import (
    POLLING_INTERVAL_SECONDS,
    credential,
    delete_all,
    deploy_and_swap,
    export_project,
    read_plan,
    report,
    run_step,
    start_training_to_cancel,
    train_models,
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

    job, exported = export_project(project)
    report(
        "export",
        status=job["status"],
        projectFileVersion=exported["projectFileVersion"],
        intents=sorted(intent["category"] for intent in exported["assets"]["intents"]),
    )

    deploy_and_swap(project, train_models(project, plan["training"], {}), {})

    job_id = start_training_to_cancel(project, plan["training"])
    run_step("cancel", lambda: project.project.begin_cancel_training_job(job_id).result())
    report("cancel", status=project.project.get_training_status(job_id).status)

    delete_all(client, project, name, {})


if __name__ == "__main__":
    main()
