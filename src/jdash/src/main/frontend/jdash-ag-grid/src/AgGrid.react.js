import React from 'react';
import PropTypes from 'prop-types';

// dash-ag-grid's AgGrid for Dash's renderer, on AG Grid Community. The grid is made once, when the component mounts
// (AG Grid's own script is loaded then, from beside this suite's script, unless the page has it already); new
// rowData, columnDefs, defaultColDef or dashGridOptions go to the live grid, which keeps its pagination, sort and
// selection. The grid's events come back as dash-ag-grid's props: selectedRows, cellClicked, cellDoubleClicked,
// cellValueChanged, filterModel, virtualRowData. getRowId is read in the forms dash-ag-grid is given it, without eval.

const GRID_SCRIPT = 'ag-grid-community.min.js';
const PASSED_THROUGH = ['rowData', 'columnDefs', 'defaultColDef'];
const suiteScript = document.currentScript ? document.currentScript.src : '';
let gridLoading = null;

function loadGrid() {
    if (window.agGrid) {
        return Promise.resolve(window.agGrid);
    }
    if (!gridLoading) {
        gridLoading = new Promise((resolve, reject) => {
            const script = document.createElement('script');
            script.src = new URL(GRID_SCRIPT, suiteScript || document.baseURI).href;
            script.onload = () => resolve(window.agGrid);
            script.onerror = () => reject(new Error('AG Grid could not be loaded from ' + script.src));
            document.head.appendChild(script);
        });
    }
    return gridLoading;
}

function cellEvent(event) {
    return {
        value: event.value === undefined ? null : event.value,
        colId: event.column ? event.column.getColId() : null,
        rowIndex: event.rowIndex,
        rowId: event.node ? event.node.id : null,
        timestamp: Date.now(),
    };
}

// dash-ag-grid takes getRowId as JavaScript source, which a page under `script-src 'self'` cannot run. The forms it is
// nearly always given are read instead: `params.data.<field>` (dotted, or `['quoted']`), quoted strings, joined by +.
const ROW_ID_TERM = /^\s*(?:params\.data((?:\.[A-Za-z_$][\w$]*|\[\s*(?:'[^']*'|"[^"]*")\s*\])+)|'([^']*)'|"([^"]*)")\s*/;
const ROW_ID_KEY = /\.([A-Za-z_$][\w$]*)|\[\s*(?:'([^']*)'|"([^"]*)")\s*\]/g;

/** The function of a `getRowId` source in the forms above, or null for any other source. */
function rowIdGetter(source) {
    const parts = [];
    let rest = String(source);
    while (true) {
        const term = ROW_ID_TERM.exec(rest);
        if (!term) {
            return null;
        }
        if (term[1] !== undefined) {
            const keys = Array.from(term[1].matchAll(ROW_ID_KEY), (key) => key[1] || key[2] || key[3] || '');
            parts.push((data) => String(keys.reduce((value, key) => (value == null ? value : value[key]), data)));
        } else {
            const text = term[2] !== undefined ? term[2] : term[3];
            parts.push(() => text);
        }
        rest = rest.slice(term[0].length);
        if (rest === '') {
            return (params) => parts.map((part) => part(params.data)).join('');
        }
        if (rest[0] !== '+') {
            return null;
        }
        rest = rest.slice(1);
    }
}

function sameRows(a, b) {
    return JSON.stringify(a || []) === JSON.stringify(b || []);
}

/**
 * An AG Grid Community grid, with dash-ag-grid's props: `rowData` and `columnDefs` as AG Grid takes them,
 * `dashGridOptions` for any other grid option (`pagination`, `rowSelection`, …), and the user's actions as props
 * that callbacks can listen to.
 */
export default class AgGrid extends React.Component {
    constructor(props) {
        super(props);
        this.element = null;
        this.api = null;
        this.reported = {};
    }

    componentDidMount() {
        loadGrid().then((agGrid) => {
            if (!this.element) {
                return; // unmounted meanwhile
            }
            if (!AgGrid.modulesRegistered) {
                agGrid.ModuleRegistry.registerModules([agGrid.AllCommunityModule]);
                AgGrid.modulesRegistered = true;
            }
            const props = this.props;
            const options = Object.assign({}, props.dashGridOptions || {});
            PASSED_THROUGH.forEach((name) => {
                if (props[name] !== undefined && props[name] !== null) {
                    options[name] = props[name];
                }
            });
            if (props.getRowId) {
                const getter = rowIdGetter(props.getRowId);
                if (getter) {
                    options.getRowId = getter;
                } else {
                    console.error('AgGrid ' + props.id + ': getRowId "' + props.getRowId + '" is not a form JDash reads' // eslint-disable-line no-console
                        + ' (params.data.<field>, quoted strings, joined by +); the rows get AG Grid\'s own ids');
                }
            }
            options.onSelectionChanged = () => this.report({selectedRows: this.api.getSelectedRows()});
            options.onCellClicked = (event) => this.report({cellClicked: cellEvent(event)});
            options.onCellDoubleClicked = (event) => this.report({cellDoubleClicked: cellEvent(event)});
            options.onCellValueChanged = (event) => this.report({
                cellValueChanged: [Object.assign(cellEvent(event), {data: event.data, oldValue: event.oldValue})],
            });
            options.onFilterChanged = () => this.report({
                filterModel: this.api.getFilterModel(), virtualRowData: this.virtualRows(),
            });
            options.onSortChanged = () => this.report({virtualRowData: this.virtualRows()});
            options.onFirstDataRendered = () => {
                this.applySelection(props.selectedRows);
                if (props.filterModel) {
                    this.api.setFilterModel(props.filterModel);
                }
            };
            this.shown = Object.assign({}, props);
            this.api = agGrid.createGrid(this.element, options);
        }, (failure) => {
            console.error(failure.message); // eslint-disable-line no-console
        });
    }

    componentDidUpdate() {
        if (!this.api) {
            return;
        }
        const props = this.props;
        const shown = this.shown || {};
        PASSED_THROUGH.forEach((name) => {
            if (props[name] !== shown[name]) {
                this.api.setGridOption(name, props[name]);
            }
        });
        if (props.dashGridOptions !== shown.dashGridOptions && props.dashGridOptions) {
            Object.keys(props.dashGridOptions).forEach((name) => this.api.setGridOption(name, props.dashGridOptions[name]));
        }
        if (props.selectedRows !== shown.selectedRows && !sameRows(props.selectedRows, this.reported.selectedRows)) {
            this.applySelection(props.selectedRows);
        }
        if (props.filterModel !== shown.filterModel && props.filterModel
            && JSON.stringify(props.filterModel) !== JSON.stringify(this.reported.filterModel)) {
            this.api.setFilterModel(props.filterModel);
        }
        this.shown = Object.assign({}, props);
    }

    componentWillUnmount() {
        if (this.api) {
            this.api.destroy();
        }
        this.api = null;
        this.element = null;
    }

    report(props) {
        Object.assign(this.reported, props);
        if (this.props.setProps) {
            this.props.setProps(props);
        }
    }

    /** The rows as shown: filtered and sorted. */
    virtualRows() {
        const rows = [];
        this.api.forEachNodeAfterFilterAndSort((node) => {
            if (node.data) {
                rows.push(node.data);
            }
        });
        return rows;
    }

    /** Selects the rows whose data equal one of `rows` (by value), and only those. */
    applySelection(rows) {
        if (!this.api || !rows) {
            return;
        }
        const wanted = new Set(rows.map((row) => JSON.stringify(row)));
        const nodes = [];
        this.api.forEachNode((node) => {
            if (node.data && wanted.has(JSON.stringify(node.data))) {
                nodes.push(node);
            }
        });
        this.reported.selectedRows = rows;
        this.api.deselectAll();
        if (nodes.length) {
            this.api.setNodesSelected({nodes, newValue: true});
        }
    }

    render() {
        const {id, className, style} = this.props;
        return React.createElement('div', {
            id,
            className,
            style: Object.assign({height: '400px', width: '100%'}, style || {}),
            ref: (element) => {
                this.element = element;
            },
        });
    }
}

AgGrid.modulesRegistered = false;

AgGrid.defaultProps = {
    dashGridOptions: {},
    selectedRows: [],
};

AgGrid.propTypes = {
    /** The ID used to identify this component in Dash callbacks. */
    id: PropTypes.string,

    /** The class of the grid's container element. */
    className: PropTypes.string,

    /** The CSS style of the grid's container element; the grid is 400px high and as wide as its parent unless said. */
    style: PropTypes.object,

    /** The rows: one object per row, its fields named as the columns' `field`. */
    rowData: PropTypes.arrayOf(PropTypes.object),

    /** The columns, as AG Grid's column definitions: `{"field": "country"}`, with `headerName`, `sortable`, `filter`, …. */
    columnDefs: PropTypes.arrayOf(PropTypes.object),

    /** Column definition properties every column has unless its own definition says otherwise. */
    defaultColDef: PropTypes.object,

    /** Any other AG Grid grid option, such as `pagination`, `paginationPageSize` or `rowSelection`. */
    dashGridOptions: PropTypes.object,

    /**
     * How a row's id is made from its data, as dash-ag-grid's `getRowId`: `"params.data.id"`, or several fields and
     * strings joined by `+` (`"params.data.make + '-' + params.data.model"`). With ids, a new `rowData` keeps the
     * selection of the rows it still has, and `cellClicked.rowId` is the row's id. Set when the grid is made; other
     * JavaScript is not run (the page's CSP forbids it): the grid then logs an error and uses its own ids.
     */
    getRowId: PropTypes.string,

    /** The selected rows (their data); set it to select rows. */
    selectedRows: PropTypes.arrayOf(PropTypes.object),

    /** The last cell clicked: `value`, `colId`, `rowIndex`, `rowId` and a `timestamp`. */
    cellClicked: PropTypes.shape({
        value: PropTypes.any,
        colId: PropTypes.any,
        rowIndex: PropTypes.number,
        rowId: PropTypes.any,
        timestamp: PropTypes.any,
    }),

    /** The last cell double-clicked: `value`, `colId`, `rowIndex`, `rowId` and a `timestamp`. */
    cellDoubleClicked: PropTypes.shape({
        value: PropTypes.any,
        colId: PropTypes.any,
        rowIndex: PropTypes.number,
        rowId: PropTypes.any,
        timestamp: PropTypes.any,
    }),

    /** The last edit of a cell: a list of one `{rowIndex, rowId, data, oldValue, value, colId, timestamp}`. */
    cellValueChanged: PropTypes.arrayOf(PropTypes.object),

    /** The columns' filters, as AG Grid's filter model; set it to filter. */
    filterModel: PropTypes.object,

    /** The rows as the grid shows them, after its filters and sort (read only). */
    virtualRowData: PropTypes.arrayOf(PropTypes.object),

    /** Dash-assigned callback that should be called to report property changes to Dash, to make them available for callbacks. */
    setProps: PropTypes.func,
};
