package org.pult.app.softphone;

/** Compares phone numbers however they were written: "+7 916 123-45-67", "89161234567" and "9161234567" are one number. */
public final class PhoneNumbers {

    /** National significant numbers are 10 digits in Russia and most of Europe's mobile plans. */
    private static final int SIGNIFICANT_DIGITS = 10;

    private PhoneNumbers() {
    }

    public static boolean same(String first, String second) {
        String a = digits(first);
        String b = digits(second);
        if (a.isEmpty() || b.isEmpty()) {
            return false;
        }
        if (a.length() >= SIGNIFICANT_DIGITS && b.length() >= SIGNIFICANT_DIGITS) {
            return a.substring(a.length() - SIGNIFICANT_DIGITS).equals(b.substring(b.length() - SIGNIFICANT_DIGITS));
        }
        return a.equals(b);
    }

    /**
     * A number as people read it: Russian numbers (+7, 7 or 8 and ten digits) as "+7 916 234-56-78";
     * anything else (extensions, SIP users, foreign numbers) as it came.
     */
    public static String display(String number) {
        String digits = digits(number);
        boolean russian = digits.length() == 11 && (digits.charAt(0) == '7' || digits.charAt(0) == '8' && !number.startsWith("+"));
        if (!russian || number.chars().anyMatch(Character::isLetter)) {
            return number;
        }
        return "+7 " + digits.substring(1, 4) + " " + digits.substring(4, 7) + "-" + digits.substring(7, 9) + "-" + digits.substring(9);
    }

    private static String digits(String number) {
        return number == null ? "" : number.replaceAll("\\D", "");
    }
}
