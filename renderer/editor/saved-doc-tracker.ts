import type { Node as PmNode } from 'prosemirror-model';

/// Tracks whether the editor's document differs from the last saved one.
///
/// A version counter answers "unchanged since saving" for free; otherwise the documents are compared with
/// `Node.eq`, which stops at the first differing line and compares untouched lines by identity (successive
/// documents share them), so even a 200,000-character page costs about one pointer comparison per line, never a
/// serialisation of the text.
export class SavedDocTracker {
  private savedDoc: PmNode;
  private version = 0;
  private savedVersion = 0;
  private dirty = false;

  constructor(doc: PmNode) {
    this.savedDoc = doc;
  }

  /// Records a new document; returns the new dirty flag when it changed, otherwise null.
  ///
  /// Undoing back to the saved text makes the page clean again.
  docChanged(doc: PmNode): boolean | null {
    this.version++;
    return this.setDirty(!doc.eq(this.savedDoc));
  }

  /// Marks `doc` as saved; returns false when that made the page clean, otherwise null.
  markSaved(doc: PmNode): boolean | null {
    this.savedDoc = doc;
    this.savedVersion = this.version;
    return this.setDirty(false);
  }

  /// Whether `doc` differs from the saved document.
  isDirty(doc: PmNode): boolean {
    if (this.version === this.savedVersion) return false;
    return !doc.eq(this.savedDoc);
  }

  private setDirty(dirty: boolean): boolean | null {
    if (dirty === this.dirty) return null;
    this.dirty = dirty;
    return dirty;
  }
}
