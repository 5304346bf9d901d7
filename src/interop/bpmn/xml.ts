/**
 * The little XML writing the BPMN exporter needs: escaping for text and attributes, and XML ids. Every string
 * from the document goes through these, so a label holding `<`, `&`, quotes, `]]>` or a control character can
 * never end an element or an attribute early.
 */

/**
 * Characters XML 1.0 cannot hold at all, not even as a character reference: C0 controls other than tab, line
 * feed and carriage return, U+FFFE/U+FFFF and lone surrogates. They become U+FFFD.
 */
// eslint-disable-next-line no-control-regex
const NOT_XML = /[\u0000-\u0008\u000B\u000C\u000E-\u001F\uFFFE\uFFFF]|[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/g;

/** @example xmlText('a < b & "c"') // 'a &lt; b &amp; "c"' */
export function xmlText(s: string): string {
  return s.replace(NOT_XML, '\uFFFD').replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');
}

/** Attribute values: also quotes, and line breaks and tabs as references so a parser keeps them. */
export function xmlAttr(s: string): string {
  return xmlText(s).replace(/"/g, '&quot;').replace(/\n/g, '&#10;').replace(/\r/g, '&#13;').replace(/\t/g, '&#9;');
}

/** `name="value"` pairs, skipping undefined values; values escaped. */
export function attrs(pairs: Readonly<Record<string, string | number | boolean | undefined>>): string {
  let out = '';
  for (const [k, v] of Object.entries(pairs)) if (v !== undefined) out += ` ${k}="${xmlAttr(String(v))}"`;
  return out;
}

/**
 * XML ids (NCName) from document ids, unique within `taken`: `Activity_summarise`, `Flow_e1`. Characters an
 * NCName cannot hold become `_`; a clash gets a number.
 */
export function xmlId(prefix: string, raw: string, taken: Set<string>): string {
  const base = `${prefix}_${raw.replace(/[^A-Za-z0-9_.-]/g, '_').slice(0, 64)}`;
  let id = base;
  for (let k = 2; taken.has(id); k++) id = `${base}_${k}`;
  taken.add(id);
  return id;
}
