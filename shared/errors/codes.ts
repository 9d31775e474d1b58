import type { ErrorCode } from '../result';

/// One worded failure: the error code the services branch on, and the English sentence with `{name}` placeholders
/// (kept in the error's `message` for logs, the CLI and the harness; the renderer words `messageId` + `values`).
export interface MessageSpec {
  code: ErrorCode;
  en: string;
}

/// Every failure the main process (and the shared core) reports to a screen, by message id. The renderer has a
/// wording of each in each UI language (`renderer/i18n/messages-errors.ts`, key `err.<id>`); a unit test checks
/// it, and that `electron/` and `shared/` build failures only through `failWith` (shared/errors/fail-with.ts).
export const ERROR_MESSAGES = {
  // The corpus folder
  'corpus.notOpen': { code: 'no-corpus', en: 'No corpus folder is open.' },
  'corpus.notFound': { code: 'no-corpus', en: 'The corpus folder "{root}" cannot be found.' },
  'folder.notFound': { code: 'no-corpus', en: 'The folder "{root}" cannot be found.' },
  'folder.notAbsolute': { code: 'invalid-argument', en: '"{path}" is not an absolute folder path.' },
  'corpus.notFolder': { code: 'no-corpus', en: '"{root}" is not a folder.' },
  'corpus.scanCancelled': { code: 'cancelled', en: 'The corpus scan was cancelled.' },
  'corpus.locked': { code: 'corpus-locked', en: 'This corpus is open for editing in another Jiaodui (process {pid} on {host}, since {since}), so it is read-only here and nothing was changed.' },
  'corpus.lockedUnknown': { code: 'corpus-locked', en: 'This corpus is open for editing in another program whose lock file cannot be read, so it is read-only here and nothing was changed.' },
  'corpus.settingsNotSaved': { code: 'io', en: 'The corpus settings could not be saved in {file}.' },
  'corpusSettings.unusable': { code: 'invalid-argument', en: '{file}: {problem}. The default text source (layout file first) is used.' },
  // Paths
  'path.notAllowed': { code: 'outside-corpus', en: 'The path "{path}" is not allowed: {problem}.' },
  'path.outside': { code: 'outside-corpus', en: 'The path "{path}" leads outside the corpus folder.' },
  'path.sidecarOutside': { code: 'outside-corpus', en: 'The sidecar of "{path}" leads outside the corpus folder.' },
  // Pages
  'page.outside': { code: 'outside-corpus', en: 'The page "{path}" leads outside the corpus folder.' },
  'page.missing': { code: 'not-found', en: 'The page "{path}" does not exist.' },
  'page.isFolder': { code: 'not-found', en: '"{path}" is a folder, not a page.' },
  'page.unreadable': { code: 'io', en: 'The page "{path}" cannot be read.' },
  'page.binaryFormat': { code: 'binary-file', en: '"{path}" cannot be opened. This file is a {format} file, not a text file.' },
  'page.binaryNul': { code: 'binary-file', en: '"{path}" cannot be opened. This file contains NUL bytes and does not look like text (it may be an image or other binary file).' },
  'page.binaryControl': { code: 'binary-file', en: '"{path}" cannot be opened. This file contains many control characters and does not look like text.' },
  'page.layoutInvalid': { code: 'io', en: 'The layout file of "{path}" cannot be read: {problem}' },
  'page.layoutTooLarge': { code: 'too-large', en: 'The layout file of "{path}" is too large: {problem}' },
  'page.fileTooLarge': { code: 'too-large', en: '"{path}" is {size} MB; Jiaodui opens page files of up to {limit} MB. Split the page into smaller files.' },
  'page.tooManyChars': { code: 'too-large', en: '{path} has {count} characters; Jiaodui handles pages of up to {limit}.' },
  'page.lineTooLong': { code: 'too-large', en: '{path}: line {line} has {count} characters; Jiaodui edits lines of up to {limit}.' },
  // A page's layout companion (the page opens without its scan)
  'layout.outside': { code: 'outside-corpus', en: 'The layout file "{path}" leads outside the corpus folder.' },
  'layout.unreadable': { code: 'io', en: 'The layout file "{path}" cannot be read.' },
  'layout.tooLarge': { code: 'too-large', en: 'The layout file "{path}" is too large to show ({size} bytes).' },
  'layout.invalid': { code: 'invalid-argument', en: 'The layout file "{path}" cannot be read: {problem}' },
  // Saving a page
  'save.duplicateEntity': { code: 'invalid-argument', en: 'Two entities share the id "{id}".' },
  'save.movesDoNotFit': { code: 'invalid-argument', en: 'The page cannot be saved: the moves do not fit the original text ({problem}).' },
  'save.inconsistent': { code: 'invalid-argument', en: 'The page cannot be saved: {problem}' },
  // Sidecars and saves, part b of issue 16 item 5: the first problem as a reason, with the count of the others.
  'save.inconsistentMany': { code: 'invalid-argument', en: 'The page cannot be saved: {problem} (and {count} more problems)' },
  'export.sidecarUnusable': { code: 'read-only', en: 'Exported the original text, uncorrected and untagged, because the saved corrections cannot be used: {problem}' },
  'export.pageUnreadable': { code: 'io', en: 'The page "{path}" cannot be read: {problem}' },
  'export.sidecarUnreadable': { code: 'io', en: 'The sidecar of "{path}" cannot be read: {problem}' },
  'entityIndex.sidecarUnusable': { code: 'read-only', en: 'The sidecar of "{path}" cannot be used, so its entities are left out of the corpus index: {problem}' },
  'entityIndex.sidecarUnreadable': { code: 'io', en: 'The sidecar of "{path}" cannot be read, so its entities are left out of the corpus index: {problem}' },
  'save.pageChanged': { code: 'sidecar-changed', en: 'The page file "{path}" has changed on disk since it was opened. Reopen the page before saving.' },
  'save.sidecarDeleted': { code: 'sidecar-changed', en: 'The saved corrections of "{path}" were deleted since the page was opened. Reopen the page before saving.' },
  'save.sidecarChanged': { code: 'sidecar-changed', en: 'The saved corrections of "{path}" were changed by someone else since the page was opened. Reopen the page before saving.' },
  'save.lockBusy': { code: 'io', en: '"{path}" could not be saved: another program is writing this sidecar right now. Try again in a moment.' },
  'save.failed': { code: 'io', en: 'The corrections of "{path}" could not be saved.' },
  'save.lockLost': { code: 'sidecar-changed', en: 'Another program took over saving "{path}". Reopen the page before saving.' },
  'save.sidecarUnusable': { code: 'read-only', en: 'The sidecar of "{path}" cannot be used, so the page is read-only and the sidecar is not overwritten.' },
  // Sidecars
  'sidecar.unreadable': { code: 'io', en: 'The sidecar file exists but cannot be read.' },
  'sidecar.outside': { code: 'outside-corpus', en: 'The sidecar file leads outside the corpus folder.' },
  // Scans
  'scan.notImage': { code: 'invalid-argument', en: '"{path}" is not a scan image (only .jpg, .jpeg, .png, .tif and .tiff files are shown).' },
  'scan.notFile': { code: 'not-found', en: 'The scan image "{path}" is not a file.' },
  'scan.missing': { code: 'not-found', en: 'The scan image "{path}" does not exist.' },
  'scan.unreadable': { code: 'io', en: 'The scan image "{path}" cannot be read.' },
  'scan.tooLarge': { code: 'io', en: 'The scan image "{path}" is too large to show ({size} bytes).' },
  'scan.tileMalformed': { code: 'invalid-argument', en: 'The deep-zoom parameters of the scan image address are malformed.' },
  'scan.noDeepZoom': { code: 'invalid-argument', en: 'Deep zoom is not served here.' },
  'tile.unreadable': { code: 'io', en: 'A tile of the scan cannot be read.' },
  'tile.unmade': { code: 'io', en: 'A tile of the scan cannot be made.' },
  'tile.none': { code: 'invalid-argument', en: 'The scan has no tile {tile}.' },
  'tile.cropOutside': { code: 'invalid-argument', en: 'The crop lies outside the scan.' },
  'tile.unavailable': { code: 'internal', en: 'Deep zoom is not available on this system (no image library).' },
  'tile.noSize': { code: 'io', en: 'The scan image has no size.' },
  'tile.undecodable': { code: 'io', en: 'The scan image cannot be decoded.' },
  'tile.pyramidFailed': { code: 'io', en: 'The scan image cannot be made into tiles.' },
  'scan.badPath': { code: 'invalid-argument', en: 'The scan image path is not a relative path.' },
  'scan.notTiff': { code: 'invalid-argument', en: '"{path}" is not a TIFF scan.' },
  'scan.previewWidth': { code: 'invalid-argument', en: 'A scan preview is {min} to {max} pixels wide, not {width}.' },
  'scan.previewUnreadable': { code: 'not-found', en: 'The scan image cannot be read.' },
  'scan.tiffUnavailable': { code: 'internal', en: 'TIFF conversion is not available on this system; the renderer decodes the file.' },
  'scan.tiffUndecodable': { code: 'io', en: 'The TIFF scan cannot be decoded.' },
  'scan.previewUnavailable': { code: 'internal', en: 'Scan previews are not available on this system; the full image is shown.' },
  'scan.previewUndecodable': { code: 'io', en: 'The scan image cannot be decoded for a preview.' },
  'scan.badAddress': { code: 'invalid-argument', en: 'Not a scan image address.' },
  // Requests
  'request.unknown': { code: 'invalid-argument', en: 'Unknown request "{channel}".' },
  'request.invalidArguments': { code: 'invalid-argument', en: 'Invalid arguments for "{channel}": {problem}' },
  'request.untrusted': { code: 'untrusted-sender', en: 'This request did not come from the Jiaodui window and was refused.' },
  'request.tooLarge': { code: 'too-large', en: 'The request is larger than this request type allows ({limit} bytes).' },
  'request.busy': { code: 'busy', en: 'Too many large requests are being received at once; try again in a moment.' },
  'internal': { code: 'internal', en: 'An internal error occurred.' },
  'request.notJson': { code: 'invalid-argument', en: 'The request body must be JSON (Content-Type: application/json).' },
  'request.badLength': { code: 'invalid-argument', en: 'The Content-Length header is not a number.' },
  'request.malformedJson': { code: 'invalid-argument', en: 'The request body is not valid JSON.' },
  'request.cutOff': { code: 'cancelled', en: 'The request was cut off before its end.' },
  'worker.stopped': { code: 'internal', en: 'The text worker stopped; try again.' },
  'worker.failed': { code: 'internal', en: 'Something went wrong in the text worker.' },
  'worker.jiebaMissing': { code: 'internal', en: 'The word segmenter (jieba) cannot be loaded on this system, so segmenter suggestions are off.' },
  // Recovery journal, ignore list
  'journal.notWritten': { code: 'io', en: 'The recovery journal could not be written.' },
  'ignore.unreadable': { code: 'io', en: 'The ignore list of this corpus cannot be read.' },
  'ignore.full': { code: 'invalid-argument', en: 'The ignore list already holds {limit} entries; remove some first.' },
  'ignore.notSaved': { code: 'io', en: 'The ignore list of this corpus could not be saved.' },
  // Export and import
  'export.folderInsideCorpus': { code: 'invalid-argument', en: 'The export folder must not be inside the corpus folder, so original files can never be overwritten.' },
  'export.noFolder': { code: 'invalid-argument', en: 'Choose an export folder first.' },
  'export.running': { code: 'busy', en: 'An export is already running. Wait for it to finish or cancel it.' },
  'export.cancelled': { code: 'cancelled', en: 'The export was cancelled.' },
  'export.noFormat': { code: 'invalid-argument', en: 'None of the chosen formats ({formats}) can be exported by this version.' },
  'export.folderNotMade': { code: 'io', en: 'The export folder "{path}" cannot be made.' },
  'import.invalid': { code: 'invalid-argument', en: 'The entities file cannot be imported: {problem}' },
  // Tag set
  'tagset.outside': { code: 'outside-corpus', en: '{file} leads outside the corpus folder.' },
  'tagset.unreadable': { code: 'io', en: '{file} exists but cannot be read.' },
  'tagset.changed': { code: 'sidecar-changed', en: '{file} was changed or removed by someone else since the settings were opened. Reopen the settings before saving.' },
  'tagset.invalidOnDisk': { code: 'read-only', en: '{file} is not a valid tag set, so it was not overwritten. Confirm replacing it to save.' },
  'tagset.notKeptAside': { code: 'io', en: 'The malformed {file} could not be kept aside, so it was not replaced.' },
  'tagset.notWritten': { code: 'io', en: '{file} could not be written.' },
  'tagset.notJson': { code: 'invalid-argument', en: '{file} is not valid JSON.' },
  'tagset.invalidFile': { code: 'invalid-argument', en: '{file} does not describe a valid tag set.' },
  'tagset.invalid': { code: 'invalid-argument', en: 'The tag set is not valid.' },
  'tagset.malformedJson': { code: 'invalid-argument', en: '{file} is not valid JSON.' },
  'tagset.malformed': { code: 'invalid-argument', en: '{file} does not describe a valid tag set: {problem}' },
  // The learned entity model (app data; retrained when it cannot be used)
  'learned.unreadable': { code: 'io', en: 'The entity model cannot be read.' },
  'learned.notJson': { code: 'io', en: 'The entity model file is not valid JSON.' },
  'learned.invalid': { code: 'io', en: 'The entity model file cannot be used: {problem}' },
  'learned.notStored': { code: 'io', en: 'The entity model could not be trained or stored.' },
  // Entities across the corpus
  'propagation.cannotUndo': { code: 'not-found', en: 'This propagation can no longer be undone from here (it was undone already, or the app was restarted since).' },
  // The corpus's ignore list file (not used when malformed)
  'ignore.malformedJson': { code: 'invalid-argument', en: '{file} is not valid JSON; it is not used, and is kept aside when the list is next changed.' },
  'ignore.malformed': { code: 'invalid-argument', en: '{file} is not a valid ignore list ({problem}); it is not used, and is kept aside when the list is next changed.' },
  // Pages a propagation (or its undo) left alone, and why (listed after the run)
  'propagation.alreadyTagged': { code: 'invalid-argument', en: 'Every place was already tagged.' },
  'propagation.changedSincePreview': { code: 'sidecar-changed', en: 'This page changed since the preview, so it was left alone. Preview again to tag it.' },
  'propagation.textMoved': { code: 'sidecar-changed', en: 'The text at {start}–{end} is not "{text}", so the page was left alone. Preview again.' },
  'propagation.changedWhileRunning': { code: 'sidecar-changed', en: 'This page changed while the propagation ran, so it was left alone.' },
  'propagation.changedAfter': { code: 'sidecar-changed', en: 'This page was changed after the propagation, so its spans were left in place (undo them in the page itself).' },
  'propagation.undoBusy': { code: 'busy', en: 'Left alone: another program is writing the sidecar of "{path}" right now. Try undo again in a moment.' },
  'propagation.undoFailed': { code: 'io', en: 'The spans on "{path}" could not be undone.' },
  'propagation.sidecarUnusable': { code: 'read-only', en: 'The saved corrections of "{path}" cannot be used, so the page is left alone.' },
  // Pages a corpus-wide read could not read (search, propagation, index)
  'pageRead.pathNotAllowed': { code: 'outside-corpus', en: 'The path "{path}" is not allowed: {problem}.' },
  'pageRead.failed': { code: 'io', en: 'The page "{path}" cannot be read.' },
  'pageRead.sidecarFailed': { code: 'io', en: 'The sidecar of "{path}" cannot be read.' },
  // Batch find and replace
  'batch.oneCharacter': { code: 'invalid-argument', en: 'The character mode looks for one character; “{pattern}” is {count} characters. Use the plain mode for longer text.' },
  'batch.invalidRegex': { code: 'invalid-argument', en: '“{pattern}” is not a valid regular expression: {reason}' },
  'batch.regexTimeout': { code: 'invalid-argument', en: 'The regular expression was stopped after {seconds} s without finishing; it probably backtracks too much. Make it simpler or more specific.' },
  'batch.nothingChanges': { code: 'invalid-argument', en: 'None of the ticked hits would change the text (the replacement is the same as what is there).' },
  'batch.nothingToUndo': { code: 'not-found', en: 'There is no batch replacement to undo in this corpus.' },
  'batch.hitsMoved': { code: 'sidecar-changed', en: '{count} of the ticked hits are no longer where the search found them; the page has changed. Search again.' },
  'batch.contextToken': { code: 'invalid-argument', en: 'The replacement uses “{token}” (the text before or after the match), which a batch replacement does not support.' },
  'batch.noSuchGroup': { code: 'invalid-argument', en: 'The replacement uses “{token}”, but the expression has {groups} capture group(s).' },
  'batch.noSuchNamedGroup': { code: 'invalid-argument', en: 'The replacement uses “{token}”, but the expression has no group named “{name}”.' },
  // Pages a batch replacement left alone or only partly changed (problems listed after the run, not failures)
  'batch.pageChanged': { code: 'sidecar-changed', en: 'The page or its saved corrections changed since the search, so it was left alone. Search again.' },
  'batch.blocked': { code: 'read-only', en: 'Left alone because its saved corrections cannot be used: {problem}' },
  'batch.alreadyCorrected': { code: 'invalid-argument', en: '{count} ticked hit(s) were left alone because that text has already been corrected.' },
  'batch.entitiesRemoved': { code: 'invalid-argument', en: '{count} entity tag(s) were removed because all of their text was replaced.' },
  'batch.undoNotWritten': { code: 'io', en: 'The batch was applied but its undo record could not be written: {problem}' },
  'batch.undoBusy': { code: 'io', en: 'It was not undone: {problem}' },
  'batch.undoFailed': { code: 'io', en: 'It could not be undone: {problem}' },
  'batch.deletedSince': { code: 'sidecar-changed', en: 'Its saved corrections were deleted after the batch, so it was not undone.' },
  'batch.changedSince': { code: 'sidecar-changed', en: 'Its saved corrections were changed after the batch (saved again or edited), so it was not undone; undo it by hand if needed.' },
  // Stored corrections and moves that do not fit the text (usually inside another message)
  'model.badMove': { code: 'invalid-argument', en: 'move {start}–{end} → {to} is empty or lies outside the original text ({length} code points)' },
  'model.movesOverlap': { code: 'invalid-argument', en: 'moves {a} and {b} overlap' },
  'model.movedOverlap': { code: 'invalid-argument', en: 'moves to {a} and {b} overlap in the arranged text' },
  'model.badCorrection': { code: 'invalid-argument', en: 'correction {n} ({start}–{end}) overlaps another or lies outside the original text' },
  'model.correctionMismatch': { code: 'invalid-argument', en: 'correction {n} expects “{expected}” at {start} but the original has “{found}”' },
  // Harness (browser) only
  'harness.folderNotAbsolute': { code: 'invalid-argument', en: 'Give the full path of a folder.' },
  'harness.folderMissing': { code: 'not-found', en: 'That folder does not exist.' },
  'harness.notFolder': { code: 'invalid-argument', en: 'That is a file, not a folder.' },
  'harness.folderUnreadable': { code: 'io', en: 'That folder could not be read.' },
  'harness.internal': { code: 'internal', en: 'Something went wrong inside the harness.' },
  'harness.foreignPage': { code: 'untrusted-sender', en: 'Requests from other web pages are refused.' },
  'harness.badToken': { code: 'untrusted-sender', en: 'The harness token is missing or wrong; open the address the harness printed.' },
  'harness.noChannel': { code: 'invalid-argument', en: 'There is no request channel called {channel}.' },
  'harness.badDialogAnswer': { code: 'invalid-argument', en: 'The dialog answer needs "folder": a path or null.' },
  'harness.dialogGone': { code: 'not-found', en: 'That dialog is no longer open.' },
  'harness.nothingAnswers': { code: 'not-found', en: 'Nothing answers {method} {path}.' },
  // zhui3a (issue 16 item 5): settings files whose first problem is shown with the count of the others, and one
  // that cannot be read (the OS error's reason as `problem`).
  'corpusSettings.unusableMore': { code: 'invalid-argument', en: '{file}: {problem} (and {count} more problem(s)). The default text source (layout file first) is used.' },
  'corpusSettings.unreadable': { code: 'io', en: '{file} cannot be read ({problem}); the default text source (layout file first) is used.' },
  'tagset.malformedMore': { code: 'invalid-argument', en: '{file} does not describe a valid tag set: {problem} (and {count} more problem(s))' },
} as const satisfies Record<string, MessageSpec>;

/// The id of a worded failure.
export type MessageId = keyof typeof ERROR_MESSAGES;

/// Every message id, for tests and the renderer's catalogue.
export const MESSAGE_IDS = Object.keys(ERROR_MESSAGES) as MessageId[];
