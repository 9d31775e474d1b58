/// One W3C Web Annotation (Web Annotation Data Model, W3C Recommendation 2017-02-23) for one entity span.
///
/// Offsets: the model's Text Quote Selector section says "the selection of the text MUST be in terms of unicode
/// code points (the "character number"), not in terms of code units", and the Text Position Selector counts the
/// same characters. Jiaodui's spans are already code points on NFC text, so `start` and `end` are written as
/// they are. (Readers written in JavaScript, Recogito's text annotator among them, count UTF-16 units of the DOM
/// text instead; docs/exports/web-annotation.md says how to convert when loading into one.)
import type { EntitySpan } from '../../model/sidecar-schema';
import { CodePointIndex } from '../../text/codepoints';

/// How many code points of context a TextQuoteSelector carries before and after the quote (as Hypothesis does).
export const QUOTE_CONTEXT = 32;

/// A TextPositionSelector: code points [start, end) of the target's text.
export interface TextPositionSelector {
  type: 'TextPositionSelector';
  start: number;
  end: number;
}

/// A TextQuoteSelector: the quoted text and up to `QUOTE_CONTEXT` code points either side.
export interface TextQuoteSelector {
  type: 'TextQuoteSelector';
  exact: string;
  prefix: string;
  suffix: string;
}

/// The annotation as written to JSON-LD.
export interface WebAnnotation {
  '@context': 'http://www.w3.org/ns/anno.jsonld';
  id: string;
  type: 'Annotation';
  motivation: 'tagging';
  generator: { type: 'Software'; name: string };
  generated: string;
  body: { type: 'TextualBody'; purpose: 'tagging'; value: string; format: 'text/plain' };
  target: { source: string; selector: [TextPositionSelector, TextQuoteSelector] };
}

/// What every annotation of one page shares.
export interface AnnotationFrame {
  /// The annotation file's own name, already made an IRI part (`iriPart`); ids are `<file>#<entity id>`, relative
  /// IRIs resolved against it.
  annotationFile: string;
  /// The text the selectors refer to, as an IRI relative to the annotation file.
  source: string;
  generatorName: string;
  generated: string;
}

/// The annotation for `span` on `text` (indexed by `index`); `span` must lie on the text.
export function annotationFor(span: EntitySpan, index: CodePointIndex, frame: AnnotationFrame): WebAnnotation {
  const text = index.text;
  const at = (cp: number): number => index.toUtf16(cp);
  return {
    '@context': 'http://www.w3.org/ns/anno.jsonld',
    id: `${frame.annotationFile}#${iriPart(span.id)}`,
    type: 'Annotation',
    motivation: 'tagging',
    generator: { type: 'Software', name: frame.generatorName },
    generated: frame.generated,
    body: { type: 'TextualBody', purpose: 'tagging', value: span.type, format: 'text/plain' },
    target: {
      source: frame.source,
      selector: [
        { type: 'TextPositionSelector', start: span.start, end: span.end },
        {
          type: 'TextQuoteSelector',
          exact: text.slice(at(span.start), at(span.end)),
          prefix: text.slice(at(Math.max(0, span.start - QUOTE_CONTEXT)), at(span.start)),
          suffix: text.slice(at(span.end), at(Math.min(index.length, span.end + QUOTE_CONTEXT))),
        },
      ],
    },
  };
}

/// `text` made safe as part of a relative IRI: characters an IRI may not hold, and those that would end a path or
/// start a query or fragment (`#`, `?`, `%`, spaces…), percent-encoded; Chinese and other letters kept (IRIs, which
/// JSON-LD uses, allow them).
export function iriPart(text: string): string {
  return text.replace(/[\s%#?"<>\\^`{|}\p{Cc}]/gu, (c) => encodeURIComponent(c));
}
