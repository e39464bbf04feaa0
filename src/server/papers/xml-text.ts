// Text as an XML document may carry it (docs/security.md, Documents written): XML 1.0 forbids the C0
// controls other than tab, line feed and carriage return, U+FFFE and U+FFFF, and a surrogate half
// without its partner; one of them in a reply or a name makes the whole document unreadable. Every
// text the document writers put into a part passes here once, at the lowest point.
const XML_FORBIDDEN = /[\u0000-\u0008\u000B\u000C\u000E-\u001F\uFFFE\uFFFF]|[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/g;

/** The text without the characters XML 1.0 forbids; everything else, emoji included, kept. */
export const xmlText = (text: string): string => text.replace(XML_FORBIDDEN, '');
