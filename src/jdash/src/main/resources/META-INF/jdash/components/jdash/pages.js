// JDash's part of Dash Pages (multi-page apps): the clientside callback that puts the shown page's title on the
// browser tab (Dash does this with an inline clientside callback, which JDash's Content-Security-Policy does not run).
window.dash_clientside = Object.assign({}, window.dash_clientside, {
    jdash_pages: {
        title: function (data) {
            if (data && data.title) {
                document.title = data.title;
            }
            return window.dash_clientside.no_update;
        }
    }
});
