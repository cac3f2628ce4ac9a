import java.security.KeyPairGenerator;
import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Locale;
import javax.net.ssl.SSLContext;

/**
 * Run by jlink/check-runtime.sh on the trimmed runtime. Checks what Pult reaches only through
 * service providers, which jdeps cannot see and a short app start may not touch.
 */
public final class RuntimeProbe {

    public static void main(String[] args) throws Exception {
        // Russian month names come from jdk.localedata; without it this prints "5 May".
        String russian = DateTimeFormatter.ofPattern("d MMMM", Locale.forLanguageTag("ru")).format(LocalDate.of(2026, 5, 5));
        require("5 мая".equals(russian), "Russian date is '" + russian + "', expected '5 мая' (jdk.localedata missing?)");

        // An https backend needs TLS 1.3 and elliptic-curve key exchange (SunEC lives in java.base).
        List<String> protocols = List.of(SSLContext.getDefault().getSupportedSSLParameters().getProtocols());
        require(protocols.contains("TLSv1.3"), "No TLSv1.3 in " + protocols);
        KeyPairGenerator.getInstance("EC");
        KeyPairGenerator.getInstance("X25519");

        System.out.println("probe: Russian date '" + russian + "', TLS " + protocols + ", EC and X25519 keys: OK");
    }

    private static void require(boolean condition, String failure) {
        if (!condition) {
            System.err.println("probe: " + failure);
            System.exit(1);
        }
    }
}
