/// The entity types a labelling config or a brat `annotation.conf` lists: the default tag set's types first, in its
/// order, then every other type the run's pages used, in the order first met.
///
/// The export context carries no tag set, so an exporter notes the types of the pages it writes in a
/// `TypeCollector` and writes the list in its extra files, which the export run writes after the pages
/// (electron/services/export/, `writeExtraFiles`).
import { DEFAULT_TAGSET } from '../../entities/tagset';

/// The types met during one export run.
export class TypeCollector {
  private readonly seen = new Set<string>();

  /// Forgets the types of an earlier run.
  reset(): void {
    this.seen.clear();
  }

  /// Notes the types of one page's spans.
  note(spans: Iterable<{ type: string }>): void {
    for (const span of spans) this.seen.add(span.type);
  }

  /// The default tag set's type ids, then the other types met, without repeats.
  list(): string[] {
    const types = DEFAULT_TAGSET.types.map((t) => t.id);
    for (const type of this.seen) if (!types.includes(type)) types.push(type);
    return types;
  }
}

/// The colour the default tag set gives `type`, or a neutral grey for any other type.
export function typeColour(type: string): string {
  return DEFAULT_TAGSET.types.find((t) => t.id === type)?.colour ?? '#9e9e9e';
}
