package org.pult.core.api;

import org.pult.core.model.OperatorProfile;

/** Answer to a successful sign-in: a bearer token and who it belongs to. */
public record LoginResponse(String token, OperatorProfile operator) {
    @Override
    public String toString() {
        return "LoginResponse[token=***, operator=" + operator + "]";
    }
}
