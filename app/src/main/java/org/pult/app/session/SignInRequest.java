package org.pult.app.session;

/**
 * What the operator entered on the sign-in screen. {@code backendIdentity} names the backend for
 * the cache file ({@link CacheLocation#EMBEDDED_BACKEND} for the embedded hub).
 */
public record SignInRequest(String backendUrl, String backendIdentity, String username, String password) {

    @Override
    public String toString() {
        return "SignInRequest[backend=" + backendUrl + ", username=" + username + ", password=***]";
    }
}
