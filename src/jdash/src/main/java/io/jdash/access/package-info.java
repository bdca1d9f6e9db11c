/**
 * Who may use what: the signed owner cookie that jobs belong to ({@link io.jdash.access.OwnerCookie}) under the
 * server key ({@link io.jdash.access.ServerKey}, through {@link io.jdash.access.Hmac}), the same-origin check of
 * writes and sockets ({@link io.jdash.access.SameOrigin}), the host names the server answers for
 * ({@link io.jdash.access.HostNames}). Used by web and push; uses the servlet API and config only.
 */
package io.jdash.access;
