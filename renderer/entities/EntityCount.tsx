import type { PageEditorHandle } from '../editor/PageEditor';
import { useT } from '../i18n/LanguageContext';
import { useEditorChanges, type EditorChanges } from './editor-changes';
import { entitiesOf } from './entity-index';

/// The "show entity panel" button's text, re-rendered with the editor's changes.
///
/// Counts from the entity list cached per document: the sidecar spans (`getEntities`) convert every position to
/// code points, too much for each render of the app.
export function EntityCount({ changes, editor, fallback }: { changes: EditorChanges; editor: PageEditorHandle | null; fallback: number }) {
  const t = useT();
  useEditorChanges(changes);
  const view = editor?.getView();
  return <>{t('ent.showPanel', { count: view ? entitiesOf(view.state.doc).length : fallback })}</>;
}
