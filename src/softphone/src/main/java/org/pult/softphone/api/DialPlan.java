package org.pult.softphone.api;

import java.util.Objects;
import java.util.regex.Pattern;

/**
 * Turns what an operator types or clicks into a SIP URI: a SIP address as it is, an extension as
 * it is, and a phone number into E.164 by the site's country rules — for Russia {@code 8 916 123-45-67},
 * {@code 916 1234567} and {@code +7 (916) 123 45 67} all become {@code +79161234567}.
 *
 * @param countryCode          digits without the plus, e.g. "7"
 * @param trunkPrefix          the national trunk prefix replaced by the country code, e.g. "8" (or "0"); empty for none
 * @param nationalNumberLength digits of a national number without trunk prefix, e.g. 10; 0 to skip national rules
 * @param internationalPrefix  dialled before a foreign number, e.g. "810" or "00"; empty for none
 * @param maxExtensionLength   numbers up to this long are internal extensions, dialled as typed
 */
public record DialPlan(String countryCode, String trunkPrefix, int nationalNumberLength, String internationalPrefix,
        int maxExtensionLength) {

    public static final DialPlan RUSSIA = new DialPlan("7", "8", 10, "810", 5);

    // user@host[:port][;params]: RFC 3261 unreserved/escaped user characters, a host name or IPv4 address.
    private static final Pattern SIP_URI = Pattern.compile(
            "sips?:[A-Za-z0-9\\-_.!~*'()&=+$,;?/%]+@[A-Za-z0-9.\\-]+(:\\d{1,5})?(;[A-Za-z0-9\\-_.=~]+)*");
    private static final Pattern VISUAL_SEPARATORS = Pattern.compile("[\\s\\-().]");
    private static final Pattern DIALLABLE = Pattern.compile("\\+?[0-9*#]+");

    public DialPlan {
        Objects.requireNonNull(countryCode, "countryCode");
        Objects.requireNonNull(trunkPrefix, "trunkPrefix");
        Objects.requireNonNull(internationalPrefix, "internationalPrefix");
    }

    /** Why typed text cannot be dialled; the app shows a message per problem. */
    public enum Problem { EMPTY, NOT_A_NUMBER_OR_ADDRESS, BAD_SIP_ADDRESS }

    /** Thrown for text that cannot be dialled; nothing was sent to the network. */
    public static final class InvalidNumber extends IllegalArgumentException {
        private final Problem problem;

        InvalidNumber(Problem problem, String typed) {
            super(problem + ": \"" + typed + "\"");
            this.problem = problem;
        }

        public Problem problem() {
            return problem;
        }
    }

    /**
     * @param typed  what the operator typed, a number from a customer card, or a {@code tel:}/{@code sip:} link
     * @param domain the SIP domain numbers are dialled in, e.g. the registrar's {@code pbx.example.ru}
     * @return a SIP URI for {@link Softphone#dial}
     * @throws InvalidNumber when the text is neither a number nor a SIP address
     */
    public String toSipUri(String typed, String domain) {
        String text = typed == null ? "" : typed.strip();
        if (text.isEmpty()) {
            throw new InvalidNumber(Problem.EMPTY, text);
        }
        if (text.regionMatches(true, 0, "sip:", 0, 4) || text.regionMatches(true, 0, "sips:", 0, 5)) {
            return checkedSipUri(text, typed);
        }
        if (text.contains("@")) {
            return checkedSipUri("sip:" + text, typed);
        }
        if (text.regionMatches(true, 0, "tel:", 0, 4)) {
            text = text.substring(4);
        }
        String number = normalize(text, typed);
        return "sip:" + number + "@" + domain + (number.startsWith("+") ? ";user=phone" : "");
    }

    /** The number in the form dialled: E.164 with a plus, or an extension or service code as typed. */
    public String normalize(String typed) {
        return normalize(typed == null ? "" : typed.strip(), typed);
    }

    private String normalize(String text, String typed) {
        String digits = VISUAL_SEPARATORS.matcher(text).replaceAll("");
        if (digits.isEmpty()) {
            throw new InvalidNumber(Problem.EMPTY, typed);
        }
        if (!DIALLABLE.matcher(digits).matches()) {
            throw new InvalidNumber(Problem.NOT_A_NUMBER_OR_ADDRESS, typed);
        }
        if (digits.startsWith("+") || digits.contains("*") || digits.contains("#") || digits.length() <= maxExtensionLength) {
            return digits;
        }
        if (!internationalPrefix.isEmpty() && digits.startsWith(internationalPrefix)
                && digits.length() > internationalPrefix.length() + maxExtensionLength) {
            return "+" + digits.substring(internationalPrefix.length());
        }
        if (nationalNumberLength > 0) {
            if (!trunkPrefix.isEmpty() && digits.length() == trunkPrefix.length() + nationalNumberLength
                    && digits.startsWith(trunkPrefix)) {
                return "+" + countryCode + digits.substring(trunkPrefix.length());
            }
            if (digits.length() == countryCode.length() + nationalNumberLength && digits.startsWith(countryCode)) {
                return "+" + digits;
            }
            if (digits.length() == nationalNumberLength) {
                return "+" + countryCode + digits;
            }
        }
        return digits;
    }

    private static String checkedSipUri(String uri, String typed) {
        if (!SIP_URI.matcher(uri).matches()) {
            throw new InvalidNumber(Problem.BAD_SIP_ADDRESS, typed);
        }
        return uri;
    }
}
