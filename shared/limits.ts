/// The sizes Jiaodui handles, stated in one place (see docs/limits.md).
///
/// Inputs past these are refused with a `too-large` error naming the limit and the value found, before any work
/// that could block the app or run out of stack. Each number is well above what a scanned newspaper page needs.

/// Largest page file (text or layout) opened: 64 MiB.
export const MAX_PAGE_FILE_BYTES = 64 * 1024 * 1024;

/// Most code points in one page's text (original or corrected): 20 million.
export const MAX_PAGE_CODE_POINTS = 20_000_000;

/// Most code points in one line of a page's text: 1 million (a newspaper column line has dozens).
export const MAX_LINE_CODE_POINTS = 1_000_000;

/// Most code points in one word of an hOCR or ALTO file (`ocrx_word` text, `String@CONTENT`): 10,000.
export const MAX_WORD_CODE_POINTS = 10_000;

/// Deepest element nesting read from an XML layout file: 256 (real hOCR, ALTO and PAGE files nest under 20 deep).
export const MAX_XML_DEPTH = 256;

/// Most elements read from one XML layout file: 2 million (a 64 MiB hOCR file of short words has about 500,000).
export const MAX_XML_ELEMENTS = 2_000_000;

/// Above this many code points (both texts together; on saving, the page file's bytes and the corrected text) a
/// save is prepared on the text worker, off the main process: decoding, the diff, line origins, the consistency
/// check, serialising and hashing.
export const OFF_THREAD_DIFF_CODE_POINTS = 200_000;

/// Above this many bytes a layout file is imported on the text worker, off the main process.
export const OFF_THREAD_IMPORT_BYTES = 2 * 1024 * 1024;

/// Formats a number with thousands separators for limit messages ("20,000,000").
export function formatCount(n: number): string {
  return String(n).replace(/\B(?=(\d{3})+(?!\d))/g, ',');
}
