// How each component type renders: the html namespace as plain elements, the core (dcc) components
// (Graph in graph.js), dash-ag-grid's AgGrid (aggrid.js),
// and a fallback that names what it cannot render. Each renderer gets the component and setProps(props),
// which records a user's change (a click, a keystroke) and fires the callbacks that listen to it.
// Keep the attribute list in step with HtmlRenderer.java, which renders the first paint.
import { h, Component } from './preact.js';
import { isComponent } from './layout.js';
import { Graph } from './graph.js';
import { AgGrid } from './aggrid.js';

const ATTRIBUTES = {
  className: 'class', title: 'title', href: 'href', target: 'target', src: 'src', alt: 'alt',
  value: 'value', max: 'max', min: 'min', placeholder: 'placeholder', type: 'type', name: 'name',
  disabled: 'disabled', hidden: 'hidden', role: 'role', htmlFor: 'for', tabIndex: 'tabindex',
  width: 'width', height: 'height', lang: 'lang', step: 'step',
};

// A URL that would run script becomes about:blank, as in HtmlRenderer.safeUrl (blanks and control
// characters are ignored by browsers inside a scheme, so they are ignored here too).
const SCRIPT_URL = /^(javascript|vbscript|data):/i;
// eslint-disable-next-line no-control-regex
const INVISIBLE = /[\u0000-\u0020\u007f-\u009f]/g;
function safeUrl(url) {
  return SCRIPT_URL.test(String(url).replace(INVISIBLE, '')) ? 'about:blank' : url;
}

function attributesOf(props) {
  const attrs = {};
  if (props.id !== undefined) attrs.id = props.id;
  if (props.style) attrs.style = props.style;
  for (const [name, value] of Object.entries(props)) {
    const attribute = ATTRIBUTES[name] ?? (name.startsWith('data-') || name.startsWith('aria-') ? name : null);
    if (attribute && value !== null && value !== undefined) {
      attrs[attribute] = attribute === 'href' || attribute === 'src' ? safeUrl(value) : value;
    }
  }
  return attrs;
}

/** Renders children: components, strings, numbers, or lists of them. */
export function renderChildren(children, context) {
  if (children === null || children === undefined || typeof children === 'boolean') return null;
  if (Array.isArray(children)) return children.map((child) => renderChildren(child, context));
  if (isComponent(children)) return h(Rendered, { component: children, context, key: children.props.id });
  if (typeof children === 'object') return JSON.stringify(children);
  return String(children);
}

function Rendered({ component, context }) {
  const render = RENDERERS[component.namespace]?.(component.type) ?? unknown;
  const setProps = (props) => context.setProps(component.props.id, props);
  return render(component, setProps, context);
}

function htmlElement(component, setProps, context) {
  const { props } = component;
  const attrs = attributesOf(props);
  if (props.id !== undefined) {
    attrs.onClick = () => setProps({ n_clicks: (props.n_clicks ?? 0) + 1, n_clicks_timestamp: Date.now() });
  }
  return h(component.type.toLowerCase(), attrs, renderChildren(props.children, context));
}

function coreInput(component, setProps) {
  const { props } = component;
  const attrs = attributesOf({ type: 'text', ...props });
  attrs.value = props.value ?? '';
  attrs.onInput = (event) => {
    const raw = event.currentTarget.value;
    const value = props.type === 'number' ? (raw === '' ? null : Number(raw)) : raw;
    setProps({ value });
  };
  return h('input', attrs);
}

/** dcc.Interval: raises n_intervals every `interval` ms until `max_intervals` (-1: forever) or disabled. */
class Interval extends Component {
  componentDidMount() { this.restart(); }
  componentDidUpdate() {
    const { interval, disabled } = this.props.component.props;
    if (interval !== this.interval || disabled !== this.disabled) this.restart();
  }
  componentWillUnmount() { clearInterval(this.timer); }
  restart() {
    clearInterval(this.timer);
    const { props } = this.props.component;
    this.interval = props.interval;
    this.disabled = props.disabled;
    if (props.disabled) return;
    this.timer = setInterval(() => {
      const now = this.props.component.props;
      const max = now.max_intervals ?? -1;
      if (max >= 0 && (now.n_intervals ?? 0) >= max) return;
      this.props.setProps({ n_intervals: (now.n_intervals ?? 0) + 1 });
    }, props.interval ?? 1000);
  }
  render() { return null; }
}

const CORE = {
  Input: coreInput,
  Store: () => null,
  Interval: (component, setProps) => h(Interval, { component, setProps }),
  Graph: (component) => h(Graph, { component }),
};

function unknown(component) {
  return h('div', { class: 'jdash-unknown', id: component.props.id },
    `JDash cannot render ${component.namespace}.${component.type}`);
}

const RENDERERS = {
  dash_html_components: () => htmlElement,
  dash_core_components: (type) => CORE[type],
  dash_ag_grid: (type) => (type === 'AgGrid' ? (component) => h(AgGrid, { component }) : undefined),
};
