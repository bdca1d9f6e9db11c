// The page's layout: the tree of components the server sent (Dash's JSON shape,
// {type, namespace, props:{id, children, ...}}) and an index of the ones that have an id.
// Callbacks and user events change props here; the page then re-renders from the tree.

export function isComponent(value) {
  return value !== null && typeof value === 'object' && !Array.isArray(value)
    && typeof value.type === 'string' && typeof value.props === 'object';
}

export class Layout {
  constructor(root) {
    this.root = root;
    this.byId = new Map();
    this.reindex();
  }

  /** The props of the component with this id, or undefined when the page has none. */
  props(id) {
    return this.byId.get(id)?.props;
  }

  /** Merges new prop values into a component; returns the names of the props that changed. */
  update(id, newProps) {
    const component = this.byId.get(id);
    if (!component) {
      console.warn(`JDash: no component with id "${id}" in the page; update ignored`, newProps);
      return [];
    }
    const changed = Object.keys(newProps).filter((name) => component.props[name] !== newProps[name]);
    component.props = { ...component.props, ...newProps };
    if ('children' in newProps) {
      this.reindex();
    }
    return changed;
  }

  reindex() {
    this.byId.clear();
    const visit = (node) => {
      if (Array.isArray(node)) {
        node.forEach(visit);
      } else if (isComponent(node)) {
        if (node.props.id !== undefined && node.props.id !== null) {
          this.byId.set(node.props.id, node);
        }
        visit(node.props.children);
      }
    };
    visit(this.root);
  }
}
