// dcc.Graph on Plotly.js (plotly.js-dist-min, loaded by the page as window.Plotly). The first figure is drawn
// with Plotly.newPlot; every later one with Plotly.react, which changes the chart in place.
import { h, Component } from './preact.js';

export class Graph extends Component {
  componentDidMount() {
    this.draw();
  }

  componentDidUpdate() {
    this.draw();
  }

  componentWillUnmount() {
    window.Plotly?.purge(this.element);
  }

  draw() {
    const { figure, config } = this.props.component.props;
    if (figure === this.drawn) return;
    this.drawn = figure;
    const data = figure?.data ?? [];
    const layout = { ...(figure?.layout ?? {}) };
    window.Plotly.react(this.element, data, layout, { responsive: true, displaylogo: false, ...(config ?? {}) });
  }

  render() {
    const { id, style, className } = this.props.component.props;
    return h('div', { id, style, class: className, ref: (element) => { this.element = element; } });
  }
}
