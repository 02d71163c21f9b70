/** {@code /health}: the Felix health checks tagged {@code careleaf}, in the JSON load balancers read. */
package org.careleaf.web.internal.health;
