import type { Schemas } from '../../api';
import type { ProjectContext } from '../../pages/project';
import type { Answer } from './save-form';

// Settings with no part of their own in the API (the general ones, the messenger field map) are
// saved in the project document: PUT /v1/projects/{p}, an operator's right; the API's problems
// come back named `project.<member>`.

export type ProjectSettings = Schemas['ProjectSettings'];

/** The project document with `change` applied to its settings, stored; answers the settings. */
export async function saveProjectSettings(
  ctx: ProjectContext,
  change: (settings: ProjectSettings) => ProjectSettings,
): Promise<Answer<ProjectSettings>> {
  const stored = ctx.document.project;
  const project = change({
    ...stored,
    // The API fills callbacks in; a document read before it had them gets the API's default.
    callbacks: stored?.callbacks ?? { closeTasks: true, minTalkSec: 20 },
  } as ProjectSettings);
  const { data, error } = await ctx.api.PUT('/v1/projects/{project}', {
    params: { path: { project: ctx.project } },
    body: { ...ctx.document, project },
  });
  return data ? { data: data.project as ProjectSettings } : { error };
}
