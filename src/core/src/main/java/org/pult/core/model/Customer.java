package org.pult.core.model;

import java.util.Objects;

/** A person the contact center talks to. Phone and e-mail may be absent (null). */
public record Customer(String id, String displayName, String phone, String email, String company) {
    public Customer {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(displayName, "displayName");
    }

    /** Upper-case initials for an avatar: "Ирина Соколова" gives "ИС". */
    public String initials() {
        StringBuilder initials = new StringBuilder(2);
        for (String part : displayName.trim().split("\\s+")) {
            if (!part.isEmpty() && initials.length() < 2) {
                initials.appendCodePoint(Character.toUpperCase(part.codePointAt(0)));
            }
        }
        return initials.toString();
    }
}
