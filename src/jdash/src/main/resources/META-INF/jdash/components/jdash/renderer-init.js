// Starts Dash's renderer on the page: Dash's index page does this in an inline script, which JDash's
// Content-Security-Policy (script-src 'self') does not run, so it is this file instead.
var renderer = new DashRenderer();
