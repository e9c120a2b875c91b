/**
 * What a screen reader is told about an element of a page rendered by
 * miniprogram-simulate: its aria-* attributes as the template rendered them (simulate
 * keeps each node's rendered attributes with the node; it does not copy aria-* onto the
 * DOM, so they are read from there).
 */
interface RenderedNode {
  _exparserNode?: { _vt?: { attrs?: { name: string; value: unknown }[] } };
}

export function ariaOf(node: unknown): Record<string, string> {
  const attrs = (node as RenderedNode | null)?._exparserNode?._vt?.attrs ?? [];
  const aria: Record<string, string> = {};
  // simulate keeps them camel-cased (ariaLabel); WXML writes aria-label.
  for (const { name, value } of attrs) {
    const match = /^aria-?([a-z]+)$/i.exec(name);
    if (match) aria[match[1].toLowerCase()] = String(value);
  }
  return aria;
}
