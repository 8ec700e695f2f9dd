package org.endow.gateway.accounts.model;

/** Turns passwords into slow, salted hashes and checks them in constant time. */
public interface PasswordHasher {

    String hash(String password);

    boolean matches(String password, String hash);
}
