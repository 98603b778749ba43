/** The Servlet side: a {@code Filter} enforcing the configured policies, and Tomcat's true peer address. */
@NullMarked
package dev.perfplatform.ratelimit.spring.servlet;

import org.jspecify.annotations.NullMarked;
