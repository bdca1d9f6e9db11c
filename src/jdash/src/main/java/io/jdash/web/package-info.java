/**
 * HTTP under {@code /apps/*}: the page of each app (first paint), the Dash protocol endpoints, JSON in and out with
 * JSON-B, and the clear 4xx answers to bad input. Servlets stay thin: decode, one call, encode.
 */
package io.jdash.web;
