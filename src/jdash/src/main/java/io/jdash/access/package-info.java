/**
 * Who may use what: the {@code jdash-owner} cookie that jobs belong to ({@link io.jdash.access.OwnerCookie}) and the
 * same-origin check of writes and sockets ({@link io.jdash.access.SameOrigin}), the host names the server answers for
 * ({@link io.jdash.access.HostNames}). Used by web and push; servlet API only.
 */
package io.jdash.access;
