package org.pult.app.session;

import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.Locale;

/**
 * One cache file per backend and operator, so two accounts never see each other's data. The
 * embedded hub gets a fixed identity because its port changes on every start.
 */
public final class CacheLocation {

    public static final String EMBEDDED_BACKEND = "embedded";

    private final Path cacheDirectory;

    public CacheLocation(Path cacheDirectory) {
        this.cacheDirectory = cacheDirectory;
    }

    public Path fileFor(String backendIdentity, String username) {
        String user = username.strip().toLowerCase(Locale.ROOT);
        String safeUser = user.replaceAll("[^a-z0-9._-]", "_");
        return cacheDirectory.resolve(safeUser + "-" + shortHash(backendIdentity + "\n" + user) + ".db");
    }

    private static String shortHash(String text) {
        try {
            byte[] digest = MessageDigest.getInstance("SHA-256").digest(text.getBytes(StandardCharsets.UTF_8));
            return HexFormat.of().formatHex(digest, 0, 8);
        } catch (NoSuchAlgorithmException impossible) {
            throw new IllegalStateException("SHA-256 is part of every JDK", impossible);
        }
    }
}
