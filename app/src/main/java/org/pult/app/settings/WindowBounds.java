package org.pult.app.settings;

/** Where the operator left the window, restored at the next start. */
public record WindowBounds(double x, double y, double width, double height, boolean maximized) {
}
