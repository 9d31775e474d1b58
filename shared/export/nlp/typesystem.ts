/// The UIMA type system the XMI export uses: the DKPro Core types INCEpTION has built in (NamedEntity, Sentence,
/// Token, DocumentMetaData), declared with the same names, supertypes and feature ranges as DKPro Core, so the file
/// merges with DKPro Core's own type system and lets DKPro Cassis or the UIMA Java SDK load the `.xmi` files.
/// Only the features the export writes are declared (a subset merges cleanly with the full definitions).

/// The DKPro Core named-entity type INCEpTION's "Named entity" layer uses.
export const NAMED_ENTITY_TYPE = 'de.tudarmstadt.ukp.dkpro.core.api.ner.type.NamedEntity';
/// DKPro Core sentence and token types.
export const SENTENCE_TYPE = 'de.tudarmstadt.ukp.dkpro.core.api.segmentation.type.Sentence';
export const TOKEN_TYPE = 'de.tudarmstadt.ukp.dkpro.core.api.segmentation.type.Token';
/// DKPro Core document metadata (a DocumentAnnotation with title, id and the like).
export const DOCUMENT_METADATA_TYPE = 'de.tudarmstadt.ukp.dkpro.core.api.metadata.type.DocumentMetaData';

interface TypeDecl {
  name: string;
  supertype: string;
  features: Array<[name: string, range: string]>;
}

const TYPES: TypeDecl[] = [
  {
    name: DOCUMENT_METADATA_TYPE,
    supertype: 'uima.tcas.DocumentAnnotation',
    features: [
      ['documentTitle', 'uima.cas.String'],
      ['documentId', 'uima.cas.String'],
      ['documentUri', 'uima.cas.String'],
      ['collectionId', 'uima.cas.String'],
      ['documentBaseUri', 'uima.cas.String'],
      ['isLastSegment', 'uima.cas.Boolean'],
    ],
  },
  { name: SENTENCE_TYPE, supertype: 'uima.tcas.Annotation', features: [['id', 'uima.cas.String']] },
  { name: TOKEN_TYPE, supertype: 'uima.tcas.Annotation', features: [['id', 'uima.cas.String']] },
  {
    name: NAMED_ENTITY_TYPE,
    supertype: 'uima.tcas.Annotation',
    features: [
      ['value', 'uima.cas.String'],
      ['identifier', 'uima.cas.String'],
    ],
  },
];

/// `TypeSystem.xml`: the type system description shipped beside the `.xmi` files.
export function typeSystemXml(): string {
  const types = TYPES.map((type) => {
    const features = type.features
      .map(
        ([name, range]) =>
          `        <featureDescription>\n          <name>${name}</name>\n          <rangeTypeName>${range}</rangeTypeName>\n        </featureDescription>\n`,
      )
      .join('');
    return `    <typeDescription>\n      <name>${type.name}</name>\n      <supertypeName>${type.supertype}</supertypeName>\n      <features>\n${features}      </features>\n    </typeDescription>\n`;
  }).join('');
  return (
    '<?xml version="1.0" encoding="UTF-8"?>\n' +
    '<typeSystemDescription xmlns="http://uima.apache.org/resourceSpecifier">\n' +
    '  <name>Jiaodui export</name>\n' +
    '  <types>\n' +
    types +
    '  </types>\n' +
    '</typeSystemDescription>\n'
  );
}
