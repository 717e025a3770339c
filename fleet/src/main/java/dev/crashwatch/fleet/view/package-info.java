/**
 * The fleet's web page ({@code crashwatch fleet view}): the same answers as the fleet commands, laid out with the
 * local view's parts (its loopback-only server, style, SVG chart and escaping) rather than copies of them.
 */
package dev.crashwatch.fleet.view;
