/**
 * The web admin: JAAS login, throttle, CSRF tokens, the page and its JSON twins. Switched off with
 * {@code admin.enabled = false}.
 */
package org.careleaf.web.internal.admin;
