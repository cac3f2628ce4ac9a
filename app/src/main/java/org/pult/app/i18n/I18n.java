package org.pult.app.i18n;

import java.text.MessageFormat;
import java.util.List;
import java.util.Locale;
import java.util.MissingResourceException;
import java.util.ResourceBundle;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.SimpleObjectProperty;
import javafx.beans.property.ReadOnlyObjectProperty;

/**
 * Every user-visible string comes from here, out of {@code messages*.properties} (UTF-8).
 * The language is switchable at run time; views rebuild when {@link #localeProperty()} changes.
 */
public final class I18n {

    public static final String BUNDLE = "org.pult.app.i18n.messages";
    public static final List<Locale> SUPPORTED = List.of(Locale.ENGLISH, Locale.forLanguageTag("ru"));

    private final ObjectProperty<Locale> locale = new SimpleObjectProperty<>();
    private ResourceBundle bundle;

    public I18n(Locale initial) {
        setLocale(initial);
    }

    /** The supported locale closest to the given one; English when there is none. */
    public static Locale supportedOrEnglish(Locale wanted) {
        return SUPPORTED.stream()
                .filter(candidate -> candidate.getLanguage().equals(wanted.getLanguage()))
                .findFirst()
                .orElse(Locale.ENGLISH);
    }

    public void setLocale(Locale wanted) {
        Locale chosen = supportedOrEnglish(wanted);
        bundle = ResourceBundle.getBundle(BUNDLE, chosen, ResourceBundle.Control.getNoFallbackControl(ResourceBundle.Control.FORMAT_PROPERTIES));
        locale.set(chosen);
    }

    public Locale locale() {
        return locale.get();
    }

    public ReadOnlyObjectProperty<Locale> localeProperty() {
        return locale;
    }

    /** The text for {@code key}, with {@code {0}}-style arguments filled in. */
    public String get(String key, Object... args) {
        String pattern;
        try {
            pattern = bundle.getString(key);
        } catch (MissingResourceException missing) {
            // Shown as-is so a missing key is visible in screenshots; the bundle test catches it first.
            return "!" + key + "!";
        }
        return args.length == 0 ? pattern : new MessageFormat(pattern, locale.get()).format(args);
    }
}
