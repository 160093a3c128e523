/** What ordering needs of a configured project. */
export interface DependentProject {
    projectName: string;
    dependsOn?: readonly string[];
}

/**
 * Orders projects so that each comes after the projects it depends on, keeping config order
 * otherwise: a replica can only be given the replicas it waits for (an orchestration routes to
 * its projects by name) once those have been constructed.
 * Throws when a dependency is not a configured project or the dependencies form a cycle.
 */
export function orderForReplication<P extends DependentProject>(projects: readonly P[]): P[] {
    const byName = new Map(projects.map((project) => [project.projectName, project]));
    const visiting: string[] = [];
    const done = new Set<string>();
    const ordered: P[] = [];
    const visit = (project: P): void => {
        if (done.has(project.projectName)) return;
        const seenAt = visiting.indexOf(project.projectName);
        if (seenAt >= 0) {
            const cycle = [...visiting.slice(seenAt), project.projectName];
            throw new Error(`dependsOn forms a cycle: ${cycle.join(" -> ")}`);
        }
        visiting.push(project.projectName);
        for (const name of project.dependsOn ?? []) {
            const dependency = byName.get(name);
            if (dependency === undefined) {
                throw new Error(`project "${project.projectName}" depends on "${name}", which is not configured`);
            }
            visit(dependency);
        }
        visiting.pop();
        done.add(project.projectName);
        ordered.push(project);
    };
    projects.forEach(visit);
    return ordered;
}
