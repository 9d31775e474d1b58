/// Reasons of issue 16 item 5, part zhui3a: what is wrong with a layout file (hOCR, ALTO, PAGE XML), a settings file
/// (corpus settings, tag set, ignore list, the learned entity model), a JSON file's syntax, an operating-system
/// error and the shape of a relative path. Spread into `REASONS` (shared/errors/reasons.ts); their Chinese is in
/// renderer/i18n/reasons-files-zh.ts.
///
/// Placeholders are file tokens (element, attribute and field names, literal values) or numbers, never English.
export const FILE_REASONS = {
  // ── Layout files: XML syntax (the validator's findings, by kind; the place is where it found them) ──
  'layout.empty': { en: 'the file is empty' },
  'layout.xml.cutShort': { en: 'line {line}, column {column}: the XML is malformed: the file ends while <{element}> (in {outer}) is still open; it may be cut short' },
  'layout.xml.unclosed': { en: 'line {line}, column {column}: the XML is malformed: <{element}> is opened here and never closed' },
  'layout.xml.wrongClose': { en: 'line {line}, column {column}: the XML is malformed: </{found}> is found where </{element}> (opened on line {openLine}, column {openColumn}) should close' },
  'layout.xml.closeNotOpened': { en: 'line {line}, column {column}: the XML is malformed: </{element}> closes an element that was never opened' },
  'layout.xml.closeUnfinished': { en: 'line {line}, column {column}: the XML is malformed: the closing tag </{element}> does not end with ">"' },
  'layout.xml.closeWithAttributes': { en: 'line {line}, column {column}: the XML is malformed: the closing tag </{element}> has attributes or stray characters' },
  'layout.xml.badName': { en: 'line {line}, column {column}: the XML is malformed: <{element}> is not a valid element name' },
  'layout.xml.spaceAfterLt': { en: 'line {line}, column {column}: the XML is malformed: a space follows "<"' },
  'layout.xml.openQuote': { en: 'line {line}, column {column}: the XML is malformed: an attribute value of <{element}> has no closing quote' },
  'layout.xml.attrNoSpace': { en: 'line {line}, column {column}: the XML is malformed: the attribute {attribute} is not separated from the one before by a space' },
  'layout.xml.attrNoValue': { en: 'line {line}, column {column}: the XML is malformed: the attribute {attribute} has no value in quotes' },
  'layout.xml.attrBadName': { en: 'line {line}, column {column}: the XML is malformed: {attribute} is not a valid attribute name' },
  'layout.xml.attrRepeated': { en: 'line {line}, column {column}: the XML is malformed: the attribute {attribute} is given twice' },
  'layout.xml.secondRoot': { en: 'line {line}, column {column}: the XML is malformed: a second root element starts here (a file has one)' },
  'layout.xml.ampersand': { en: 'line {line}, column {column}: the XML is malformed: "&" does not start a reference such as &amp;' },
  'layout.xml.badChar': { en: 'line {line}, column {column}: the XML is malformed: the character "{char}" is not allowed here' },
  'layout.xml.textAfterRoot': { en: 'line {line}, column {column}: the XML is malformed: there is text after the end of the root element' },
  'layout.xml.declarationLate': { en: 'line {line}, column {column}: the XML is malformed: the declaration <?xml …?> is only allowed at the start of the file' },
  'layout.xml.noElement': { en: 'the XML is malformed: the file holds no element' },
  // A validator finding not known above, and the parser's own refusal: their English is third-party.
  'layout.xml.other': { en: 'line {line}, column {column}: the XML is malformed: {detail}' },
  'layout.xml.notRead': { en: 'the XML could not be read: {detail}' },
  // ── Layout files: content ──
  'layout.noRoot': { en: 'the file has no root element' },
  'layout.unknownFormat': { en: 'this is not hOCR, ALTO or PAGE XML (its root element is none of html, alto, PcGts)' },
  'layout.wrongRoot': { en: 'the root element is {found}, not {expected}' },
  'layout.notPixels': { en: 'coordinates are in {unit}, not pixels; only pixel coordinates can be placed on the scan' },
  'layout.pages': { en: 'the file holds {count} pages; Jiaodui reads exactly one page per layout file' },
  'layout.noOcrPage': { en: 'no ocr_page element was found; this does not look like hOCR' },
  'layout.noPageElement': { en: 'the file has no Page element' },
  // Limits (counts arrive grouped, as text, so that the English log reads the same as the screen).
  'layout.tooManyElements': { en: 'the file has about {count} elements; Jiaodui reads layout files of up to {limit}' },
  'layout.tooDeep': { en: 'elements are nested more than {limit} deep, the most Jiaodui reads (real OCR files nest under 20 deep)' },
  'layout.wordTooLong': { en: 'a word on text line {line} has {count} characters; Jiaodui reads words of up to {limit}' },

  // ── JSON syntax (the place computed from the parser's "position N", in code points) ──
  'json.syntaxAt': { en: 'this is not valid JSON (line {line}, column {column})' },
  'json.endsEarly': { en: 'this is not valid JSON: it ends too early (the file may be cut short)' },
  'json.invalid': { en: 'this is not valid JSON' },

  // ── A JSON file's content against its schema (first problem; `{at}` is the field's path, as in the file) ──
  'schema.missing': { en: '{at} is missing' },
  'schema.notString': { en: '{at} must be text' },
  'schema.notNumber': { en: '{at} must be a number' },
  'schema.notBoolean': { en: '{at} must be true or false' },
  'schema.notObject': { en: '{at} must be an object' },
  'schema.notList': { en: '{at} must be a list' },
  'schema.wrongType': { en: '{at} must be of type {expected}' },
  'schema.notOneOf': { en: '{at} must be {expected}' },
  'schema.unknownField': { en: '{at} has a field Jiaodui does not know: {fields}' },
  'schema.tooFewItems': { en: '{at} needs at least {min} item(s)' },
  'schema.tooManyItems': { en: '{at} holds more than {max} item(s)' },
  'schema.tooShort': { en: '{at} needs at least {min} character(s)' },
  'schema.tooLong': { en: '{at} has more than {max} character(s)' },
  'schema.tooSmall': { en: '{at} must be at least {min}' },
  'schema.tooBig': { en: '{at} must be at most {max}' },
  'schema.badFormat': { en: '{at} is not in the expected form' },
  'schema.other': { en: '{at}: {detail}' },
  // The tag set's own rules (shared/entities/tagset.ts).
  'tagset.typeId': { en: '{at}: a type id is a letter followed by up to 31 letters, digits, _ or -' },
  'tagset.noLabel': { en: '{at}: a type needs a label' },
  'tagset.longLabel': { en: '{at}: a type label is at most 40 characters' },
  'tagset.colour': { en: '{at}: a colour is written #rrggbb' },
  'tagset.key': { en: '{at}: a shortcut key is one lower-case letter or digit' },
  'tagset.noTypes': { en: '{at}: a tag set needs at least one type' },
  'tagset.duplicateId': { en: '{at}: the type id "{value}" is used twice' },
  'tagset.duplicateKey': { en: '{at}: the shortcut key "{value}" is used twice' },

  // ── The learned entity model (shared/entities/learn/model.ts) ──
  'learned.notModel': { en: 'This is not an entity model.' },
  'learned.version': { en: 'The entity model is of version {found}; this app reads version {expected}.' },
  'learned.damaged': { en: 'The entity model is damaged ({part}).' },

  // ── Operating-system errors, by their code (`osReason`: the OS's own text, technical, for any other code) ──
  'os.ENOENT': { en: 'it does not exist' },
  'os.EACCES': { en: 'permission is denied' },
  'os.EPERM': { en: 'the operation is not permitted' },
  'os.ENOSPC': { en: 'the disk is full' },
  'os.EBUSY': { en: 'it is in use by another program' },
  'os.EISDIR': { en: 'it is a folder, not a file' },
  'os.ENOTDIR': { en: 'a part of its path is not a folder' },
  'os.EMFILE': { en: 'too many files are open' },
  'os.EROFS': { en: 'the disk is read-only' },
  'os.EIO': { en: 'the disk reported an input/output error' },
  'os.ELOOP': { en: 'its path has too many symbolic links' },
  'os.ENAMETOOLONG': { en: 'its name is too long' },

  // ── The shape of a relative path inside the corpus (electron/services/disk/confine.ts) ──
  'path.empty': { en: 'it is empty' },
  'path.nul': { en: 'it contains a NUL character' },
  'path.backslash': { en: 'it contains a backslash' },
  'path.absolute': { en: 'it is an absolute path' },
  'path.drive': { en: 'it names a Windows drive' },
  'path.dotDot': { en: 'it contains a ".." segment' },
  'path.emptySegment': { en: 'it contains an empty or "." segment' },
} as const satisfies Record<string, { en: string }>;
