package org.pult.app.i18n;

import java.util.List;

/**
 * Text a view model wants shown, as a bundle key and its arguments. View models stay free of
 * the bundle; the view resolves the text, so switching language re-renders it correctly.
 */
public record UserMessage(String key, List<Object> args) {

    public UserMessage {
        args = List.copyOf(args);
    }

    public static UserMessage of(String key, Object... args) {
        return new UserMessage(key, List.of(args));
    }

    public String resolve(I18n i18n) {
        return i18n.get(key, args.toArray());
    }
}
