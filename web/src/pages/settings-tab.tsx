import { useI18n, type MessageKey } from '../i18n';
import { href } from '../router';
import {
  CallFieldMapEditor,
  MessengerFieldMapEditor,
} from '../components/settings/field-map-editor';
import { GeneralSettings } from '../components/settings/general-settings';
import { PipelineRulesEditor } from '../components/settings/pipeline-rules-editor';
import { StopListEditor } from '../components/settings/stop-list-editor';
import { WorkingHoursEditor } from '../components/settings/working-hours-editor';
import type { ProjectContext } from './project';

// The project's additional settings, one section each (#/projects/{p}/settings/{section}); each
// saves through its own part of the API (useSaveForm), the general ones and the messengers' field
// map through the project document.

const SECTIONS: ReadonlyArray<{ id: string; label: MessageKey }> = [
  { id: 'field-map', label: 'settings.fieldMap' },
  { id: 'messenger-field-map', label: 'settings.messengerMap' },
  { id: 'pipeline-rules', label: 'settings.pipelines' },
  { id: 'stop-list', label: 'settings.stopList' },
  { id: 'working-hours', label: 'settings.workingHours' },
  { id: 'general', label: 'settings.general' },
];

export function SettingsTab(props: { ctx: ProjectContext; section: string | undefined }) {
  const { ctx } = props;
  const { t } = useI18n();
  const section = SECTIONS.find((candidate) => candidate.id === props.section) ?? SECTIONS[0]!;
  return (
    <section aria-labelledby="settings-title">
      <h2 id="settings-title">{t('settings.title')}</h2>
      <nav class="tabs subtabs" aria-label={t('settings.sections')}>
        {SECTIONS.map((candidate) => (
          <a
            key={candidate.id}
            href={href({
              page: 'project',
              project: ctx.project,
              tab: 'settings',
              section: candidate.id,
            })}
            aria-current={candidate.id === section.id ? 'page' : undefined}
          >
            {t(candidate.label)}
          </a>
        ))}
      </nav>
      {section.id === 'field-map' && <CallFieldMapEditor ctx={ctx} />}
      {section.id === 'messenger-field-map' && <MessengerFieldMapEditor ctx={ctx} />}
      {section.id === 'pipeline-rules' && <PipelineRulesEditor ctx={ctx} />}
      {section.id === 'stop-list' && <StopListEditor ctx={ctx} />}
      {section.id === 'working-hours' && <WorkingHoursEditor ctx={ctx} />}
      {section.id === 'general' && <GeneralSettings ctx={ctx} />}
    </section>
  );
}
