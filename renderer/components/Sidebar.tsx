import type { CorpusInfo, PageEntry } from '../../shared/ipc/contract';
import { useT } from '../i18n/LanguageContext';
import { PageList } from './PageList';
import { PageListControls } from './PageListControls';
import type { ListView } from './page-list-view';
import { CorpusLockNotice } from './CorpusLockNotice';

/// The sidebar: the corpus name, the scan's progress, why opening a folder failed, the list's filter and sort, and
/// the page list (`pages`: as filtered and sorted; `total`: all pages of the corpus).
export function Sidebar(props: {
  corpus: CorpusInfo | null;
  pages: PageEntry[];
  total: number;
  view: ListView;
  onViewChange(view: ListView): void;
  scanning: boolean;
  openError: string | null;
  openPath: string | null;
  activePath: string | null;
  selected: Set<string>;
  onActivate(path: string): void;
  onOpen(path: string): void;
  onSelectionChange(selected: Set<string>): void;
}) {
  const t = useT();
  const { corpus, pages, scanning, selected } = props;
  return (
    <aside className="sidebar">
      <div className="corpus-name" title={corpus?.root}>{corpus?.name ?? '—'}</div>
      <CorpusLockNotice corpus={corpus} />
      <div className="scan-status" role="status">
        {corpus && (scanning ? t('scanning', { count: props.total }) : t('scanned', { count: props.total }))}
        {selected.size > 1 && ` · ${t('selectedCount', { count: selected.size })}`}
      </div>
      {props.openError && <p role="alert" className="error open-error">{t('openFolderFailed', { message: props.openError })}</p>}
      {scanning && <progress className="scan-progress" aria-label={t('scanning', { count: props.total })} />}
      {corpus && <PageListControls view={props.view} onChange={props.onViewChange} shown={pages.length} total={props.total} />}
      <PageList
        pages={pages}
        openPath={props.openPath}
        activePath={props.activePath}
        selected={selected}
        onActivate={props.onActivate}
        onOpen={props.onOpen}
        onSelectionChange={props.onSelectionChange}
      />
    </aside>
  );
}
