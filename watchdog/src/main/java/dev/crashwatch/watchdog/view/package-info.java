/**
 * The local web view ({@code crashwatch view}), where a person sees the crashes counted: a loopback-only page,
 * served by the JDK's own HTTP server, that shows the store's weekly crash counts as an inline SVG chart, the top
 * crashes and a version comparison (from {@code dev.crashwatch.watchdog.triage}). Everything it renders is
 * HTML-escaped; the page loads nothing from the network and runs no script.
 */
package dev.crashwatch.watchdog.view;
