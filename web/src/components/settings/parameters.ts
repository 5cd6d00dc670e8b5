import { useEffect, useState } from 'preact/hooks';
import { parametersOfSchema } from '../../lib/field-map';
import type { ProjectContext } from '../../pages/project';

/** The parameters a field map or pipeline rule may name, from the API's project JSON Schema. */
export function useParameters(ctx: ProjectContext): string[] {
  const [parameters, setParameters] = useState<string[]>([]);
  useEffect(() => {
    void ctx.api.GET('/v1/schemas/project.json').then(({ data }) => {
      if (data) setParameters(parametersOfSchema(data));
    });
  }, [ctx.api]);
  return parameters;
}
