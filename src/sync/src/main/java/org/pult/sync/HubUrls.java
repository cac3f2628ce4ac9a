package org.pult.sync;

import java.net.URI;
import java.util.Locale;
import java.util.regex.Pattern;
import okhttp3.HttpUrl;

/** Checks backend addresses typed by people, and prints them without credentials. */
final class HubUrls {

    private static final Pattern USER_INFO = Pattern.compile("(?<=://)[^/@]*@");
    private static final Pattern SCHEME = Pattern.compile("^([A-Za-z][A-Za-z0-9+.-]*)://");

    private HubUrls() {
    }

    /** The base URL, or BAD_URL with a message saying what is wrong with it. */
    static HttpUrl parse(String text) throws SyncException {
        if (text == null || text.isBlank()) {
            throw badUrl("The backend URL is empty");
        }
        String trimmed = text.strip();
        var scheme = SCHEME.matcher(trimmed);
        if (!scheme.find()) {
            throw badUrl("The backend URL '" + redact(trimmed) + "' has no http:// or https:// prefix");
        }
        String schemeName = scheme.group(1).toLowerCase(Locale.ROOT);
        if (!schemeName.equals("http") && !schemeName.equals("https")) {
            throw badUrl("The backend URL '" + redact(trimmed) + "' uses " + schemeName + ", expected http or https");
        }
        HttpUrl url = HttpUrl.parse(trimmed);
        if (url == null || url.host().isEmpty()) {
            throw badUrl("The backend URL '" + redact(trimmed) + "' has no valid host name");
        }
        if (!url.username().isEmpty() || !url.password().isEmpty()) {
            throw badUrl("The backend URL must not contain a user name or password");
        }
        if (url.query() != null || url.fragment() != null) {
            throw badUrl("The backend URL '" + display(url) + "' must not have a query or fragment");
        }
        return url;
    }

    /** For constructors given a URI by code rather than by a person: a bad one is a bug. */
    static HttpUrl require(URI uri) {
        try {
            return parse(uri.toString());
        } catch (SyncException e) {
            throw new IllegalArgumentException(e.getMessage(), e);
        }
    }

    /** scheme://host:port/path, never user info, query or fragment. */
    static String display(HttpUrl url) {
        String path = url.encodedPath().equals("/") ? "" : url.encodedPath();
        return url.scheme() + "://" + (url.host().contains(":") ? "[" + url.host() + "]" : url.host())
                + ":" + url.port() + path;
    }

    private static String redact(String text) {
        return USER_INFO.matcher(text).replaceFirst("***@");
    }

    private static SyncException badUrl(String message) {
        return new SyncException(SyncException.Reason.BAD_URL, message);
    }
}
