/**
 * WXML nodes of a rendered page, counted the way WeChat's experience audit counts them:
 * every element of the composed tree, the page's own views and each component's host and
 * shadow content (Vant's included), but not text. miniprogram-simulate renders that
 * composed tree into the DOM (component hosts as custom elements, built-in tags as
 * wx-*), so the page's DOM element and everything under it is the tree to count.
 *
 * The audit flags a page over 1,000 nodes, deeper than 30, or a node with more than
 * 60 children (DevTools 体验评分, "WXML 节点数").
 */
export interface NodeFigures {
  nodes: number;
  depth: number;
  /** The most children any one node has. */
  maxChildren: number;
}

export function countNodes(root: Element): NodeFigures {
  let nodes = 0;
  let depth = 0;
  let maxChildren = 0;
  // An explicit stack: a long list is deep enough that recursion is not worth the risk.
  const stack: [Element, number][] = [[root, 1]];
  while (stack.length) {
    const [el, level] = stack.pop() as [Element, number];
    nodes += 1;
    depth = Math.max(depth, level);
    maxChildren = Math.max(maxChildren, el.children.length);
    for (const child of Array.from(el.children)) stack.push([child, level + 1]);
  }
  return { nodes, depth, maxChildren };
}
