package org.pult.app.settings;

public enum Theme {
    LIGHT, DARK
}
