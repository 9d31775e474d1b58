import { useState, type ReactNode } from 'react';
import type { EditorView } from 'prosemirror-view';
import type { DisplayType } from '../../shared/entities/tagset';
import { useErrorWords, useFormat, useT } from '../i18n/LanguageContext';
import { useEditorChanges, type EditorChanges } from './editor-changes';
import { tagSelection } from './entity-commands';
import { EntityGroups } from './EntityGroups';
import { entitiesOf } from './entity-index';
import { acceptAllOfType } from './suggestion-commands';
import { shownSuggestions, suggestionAtSelection, type PlacedSuggestion } from './suggestions-plugin';
import type { EditorState } from 'prosemirror-state';
import type { LearnedStatus } from '../../shared/ipc/contract';

/// Props of `EntityPanel`.
export interface EntityPanelProps {
  /// The open page's editor view; null before it mounts.
  view: EditorView | null;
  /// Tells the panel the editor changed (it re-reads the editor then, re-rendering alone).
  changes: EditorChanges;
  types: readonly DisplayType[];
  suggestionsEnabled: boolean;
  onSuggestionsEnabledChange(enabled: boolean): void;
  /// B2's corpus entity index, shown in the Corpus tab; null hides the tab.
  corpusIndex: ReactNode | null;
  /// Problems to show above the lists (tag-set file, sidecar spans that do not fit).
  notices: string[];
  /// Hides the panel (the app then shows a button to bring it back).
  onHide?(): void;
  /// Always ignores a suggestion in the corpus (the button for the suggestion at the caret).
  onIgnoreSuggestion?(suggestion: PlacedSuggestion): void;
  /// The learned entity model's status; null or absent hides the line.
  learned?: LearnedStatus | null;
}

/// The side panel of entity tagging: tag buttons, the page's entities grouped by type with counts (click a
/// text to go to its next occurrence), suggestion controls, and a tab with the corpus entity index.
export function EntityPanel(props: EntityPanelProps) {
  const t = useT();
  useEditorChanges(props.changes);
  const [tab, setTab] = useState<'page' | 'corpus'>('page');
  return (
    <aside className="entity-panel" aria-label={t('ent.panel')}>
      <div className="entity-tabs">
        {/* A tablist holds only its tabs (axe: aria-required-children); the hide button sits beside it. */}
        <div role="tablist" aria-label={t('ent.panel')}>
          <button type="button" role="tab" aria-selected={tab === 'page'} onClick={() => setTab('page')}>{t('ent.tabPage')}</button>
          {props.corpusIndex !== null && (
            <button type="button" role="tab" aria-selected={tab === 'corpus'} onClick={() => setTab('corpus')}>{t('ent.tabCorpus')}</button>
          )}
        </div>
        {props.onHide && (
          <button type="button" className="entity-panel-hide" onClick={props.onHide} aria-label={t('ent.hidePanel')} title={t('ent.hidePanel')}>
            ×
          </button>
        )}
      </div>
      {props.learned && <LearnedLine status={props.learned} />}
      {tab === 'page' || props.corpusIndex === null ? (
        <div role="tabpanel" aria-label={t('ent.tabPage')} className="entity-tab-body entity-page-body">
          <PageEntities {...props} />
        </div>
      ) : (
        <div role="tabpanel" aria-label={t('ent.tabCorpus')} className="entity-tab-body">
          {props.corpusIndex}
        </div>
      )}
    </aside>
  );
}

function PageEntities({ view, types, suggestionsEnabled, onSuggestionsEnabledChange, notices, onIgnoreSuggestion }: EntityPanelProps) {
  const t = useT();
  const state = view?.state;
  const entities = state ? entitiesOf(state.doc) : [];
  const suggestions = state && suggestionsEnabled ? shownSuggestions(state) : [];
  const run = (make: (s: NonNullable<typeof state>) => ReturnType<typeof tagSelection>) => {
    if (!view || !view.editable) return;
    const tr = make(view.state);
    if (tr) view.dispatch(tr);
    view.focus();
  };
  const groups = types
    .map((type) => ({ type, members: entities.filter((e) => e.type === type.id) }))
    .filter((g) => g.type.known || g.members.length > 0);
  const suggestionCounts = new Map<string, number>();
  for (const s of suggestions) suggestionCounts.set(s.type, (suggestionCounts.get(s.type) ?? 0) + 1);
  return (
    <>
      {notices.map((notice) => (
        <p key={notice} className="hint entity-notice" role="status">{notice}</p>
      ))}
      <div role="toolbar" aria-label={t('ent.tagTools')} className="entity-tag-tools">
        {types
          .filter((type) => type.known)
          .map((type) => (
            <button
              key={type.id}
              type="button"
              className="entity-tag-button"
              style={{ ['--ent-colour' as string]: type.colour }}
              aria-label={t('ent.tagAs', { label: type.label, type: type.id })}
              title={type.key ? `Alt+${type.key}` : undefined}
              // Keep the editor's selection: the button must not take focus before it acts.
              onMouseDown={(event) => event.preventDefault()}
              onClick={() => run((s) => tagSelection(s, type.id))}
            >
              {type.id} {type.label}
            </button>
          ))}
      </div>
      {entities.length === 0 && <p className="hint">{t('ent.none')}</p>}
      <EntityGroups groups={groups} view={view} />
      <section className="entity-suggestions" aria-label={t('ent.suggestions')}>
        <h3>{t('ent.suggestions')}</h3>
        <label className="entity-toggle">
          <input type="checkbox" checked={suggestionsEnabled} onChange={(event) => onSuggestionsEnabledChange(event.target.checked)} />
          {t('ent.showSuggestions')}
        </label>
        {suggestionsEnabled && <p className="hint">{t('ent.suggestionCount', { count: suggestions.length })}</p>}
        {[...suggestionCounts].map(([type, count]) => (
          <button key={type} type="button" onMouseDown={(event) => event.preventDefault()} onClick={() => run((s) => acceptAllOfType(s, type))}>
            {t('ent.acceptAll', { type, count })}
          </button>
        ))}
        {state && suggestionsEnabled && onIgnoreSuggestion && <IgnoreAtCaret state={state} onIgnore={onIgnoreSuggestion} />}
      </section>
    </>
  );
}

// The suggestion at the caret, with "always ignore" (the same as Alt+Shift+Backspace in the text).
function IgnoreAtCaret({ state, onIgnore }: { state: EditorState; onIgnore(suggestion: PlacedSuggestion): void }) {
  const t = useT();
  const suggestion = suggestionAtSelection(state);
  if (!suggestion) return null;
  return (
    <p className="entity-ignore">
      <span className="hint">{t('ent.ignoreHint')}</span>{' '}
      <button type="button" onMouseDown={(event) => event.preventDefault()} onClick={() => onIgnore(suggestion)}>
        {t('ent.ignoreAtCaret', { text: suggestion.text, type: suggestion.type })}
      </button>
    </p>
  );
}

/// "Learned from N tags on M pages · trained <time>", or that it is training, or why it failed.
function LearnedLine({ status }: { status: LearnedStatus }) {
  const t = useT();
  const format = useFormat();
  const errorWords = useErrorWords();
  const summary =
    status.trainedAt === null
      ? t('learned.none')
      : t('learned.summary', { tags: status.tags, pages: status.pages, time: format.dateTime(status.trainedAt) });
  return (
    <p role="status" aria-label={t('learned.status')} className="entity-learned">
      {summary}
      {status.training && <> · {t('learned.training')}</>}
      {status.problem !== null && <> · {t('learned.problem', { message: errorWords(status.problem) })}</>}
    </p>
  );
}
