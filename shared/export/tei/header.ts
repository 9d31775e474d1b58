/// The `teiHeader`s the TEI export writes: one per page (its source file, the file's SHA-256 and format, the app,
/// the export's date, the page's review status) and one for a collection of pages (`teiCorpus`).
import type { ExportContext, ExportPage } from '../types';
import type { ReviewStatus } from '../../model/sidecar-schema';
import { escapeAttribute, escapeText, pathToUri } from './xml-text';

// TEI's `data.versionNumber` (application/@version): digits, optional letters, up to four dotted parts.
const VERSION_NUMBER = /^\d+[a-z]*\d*(\.\d+[a-z]*\d*){0,3}$/;

/// `version` as TEI's `data.versionNumber` allows it: as it is when it fits, else its leading dotted digits
/// (`1.2.0-beta.3` → `1.2.0`), else `0`. The full version is written in the application's label.
export function teiVersionNumber(version: string): string {
  if (VERSION_NUMBER.test(version)) return version;
  return /^\d+(\.\d+){0,3}/.exec(version)?.[0] ?? '0';
}

/// The header of one page's `<TEI>` document, indented by `indent`.
export function pageHeader(page: ExportPage, status: ReviewStatus, context: ExportContext, indent: string): string {
  const when = escapeAttribute(context.startedAt);
  const path = escapeText(page.path);
  const lines = [
    '<teiHeader>',
    '  <fileDesc>',
    `    <titleStmt><title>${path}</title></titleStmt>`,
    `    <publicationStmt><publisher>Jiaodui</publisher><date when="${when}"/></publicationStmt>`,
    '    <sourceDesc>',
    '      <bibl>',
    `        <title>${path}</title>`,
    `        <idno type="path">${path}</idno>`,
    `        <idno type="sha256">${escapeText(page.source.sha256)}</idno>`,
    `        <idno type="format">${escapeText(page.source.format)}</idno>`,
    `        <extent><measure unit="byte" quantity="${page.source.bytes}">${page.source.bytes} bytes</measure></extent>`,
    ...(page.scan === null ? [] : [`        <ref type="scan" target="${escapeAttribute(pathToUri(page.scan))}">${escapeText(page.scan)}</ref>`]),
    '      </bibl>',
    '    </sourceDesc>',
    '  </fileDesc>',
    ...encodingDesc(context),
    `  <revisionDesc status="${status}">`,
    `    <change when="${when}" status="${status}">Exported by Jiaodui ${escapeText(context.appVersion)}; review status: ${status}.</change>`,
    '  </revisionDesc>',
    '</teiHeader>',
  ];
  return lines.map((line) => indent + line).join('\n');
}

/// The header of a `teiCorpus` holding the selected pages, indented by `indent`.
export function corpusHeader(context: ExportContext, indent: string): string {
  const when = escapeAttribute(context.startedAt);
  const lines = [
    '<teiHeader>',
    '  <fileDesc>',
    `    <titleStmt><title>Jiaodui export of ${escapeText(context.startedAt)}</title></titleStmt>`,
    `    <publicationStmt><publisher>Jiaodui</publisher><date when="${when}"/></publicationStmt>`,
    '    <sourceDesc><p>The pages below, each with its own header naming its source file.</p></sourceDesc>',
    '  </fileDesc>',
    ...encodingDesc(context),
    '</teiHeader>',
  ];
  return lines.map((line) => indent + line).join('\n');
}

function encodingDesc(context: ExportContext): string[] {
  const version = escapeText(context.appVersion);
  return [
    '  <encodingDesc>',
    '    <appInfo>',
    `      <application ident="jiaodui" version="${escapeAttribute(teiVersionNumber(context.appVersion))}"><label>Jiaodui ${version}</label></application>`,
    '    </appInfo>',
    '    <editorialDecl>',
    '      <correction><p>Corrections are given as choice with sic (the OCR text) and corr (the editor\'s text); a corr\'s type names the OCR-assistant rule that proposed it.</p></correction>',
    '    </editorialDecl>',
    '  </encodingDesc>',
  ];
}
