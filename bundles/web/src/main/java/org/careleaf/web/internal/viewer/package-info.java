/**
 * The patient viewer: page models built in Java from one catalog view, rendered by the templates in
 * {@code /templates/viewer}; figures and the stylesheet.
 */
package org.careleaf.web.internal.viewer;
