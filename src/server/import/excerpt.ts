// What a message quotes of a value a person sent: a short excerpt, never the whole of a cell that may
// hold megabytes (docs/security.md, Files read).

/** At most `max` characters (40 unless told), and an ellipsis when the text was longer. */
export const excerpt = (text: string, max = 40): string => ([...text].length > max ? `${[...text].slice(0, max).join('')}…` : text);
