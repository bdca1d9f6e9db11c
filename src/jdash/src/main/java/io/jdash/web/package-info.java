/**
 * HTTP under {@code /apps/*}: the index page of each app (Dash's renderer's), the Dash protocol endpoints, the browser files, JSON in and out with
 * JSON-B, and the clear 4xx answers to bad input. Servlets stay thin: decode, one call, encode.
 */
package io.jdash.web;
