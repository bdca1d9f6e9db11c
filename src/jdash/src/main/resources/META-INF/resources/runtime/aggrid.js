// dash-ag-grid's AgGrid on AG Grid Community (loaded by the page as window.agGrid). The grid is created once;
// a new rowData or columnDefs is handed to the live grid with setGridOption, so it updates in place and keeps
// its pagination and sort. Props keep dash-ag-grid's names.
import { h, Component } from './preact.js';

const PASSED_THROUGH = ['rowData', 'columnDefs', 'defaultColDef'];

export const GRID_STYLE = { height: '400px', width: '100%' };

export class AgGrid extends Component {
  componentDidMount() {
    const { agGrid } = window;
    agGrid.ModuleRegistry.registerModules([agGrid.AllCommunityModule]);
    const props = this.props.component.props;
    const options = { ...(props.dashGridOptions ?? {}) };
    for (const name of PASSED_THROUGH) {
      if (props[name] !== undefined) options[name] = props[name];
    }
    this.shown = { ...props };
    this.api = agGrid.createGrid(this.element, options);
  }

  componentDidUpdate() {
    const props = this.props.component.props;
    for (const name of PASSED_THROUGH) {
      if (props[name] !== this.shown[name]) this.api.setGridOption(name, props[name]);
    }
    this.shown = { ...props };
  }

  componentWillUnmount() {
    this.api?.destroy();
  }

  render() {
    const { id, style, className } = this.props.component.props;
    return h('div', { id, class: className, style: { ...GRID_STYLE, ...(style ?? {}) },
      ref: (element) => { this.element = element; } });
  }
}
