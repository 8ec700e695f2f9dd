package org.endow.platform.security;

import io.micronaut.security.authentication.Authentication;
import java.util.Collection;
import java.util.Set;

/**
 * Who is calling, as the gateway vouched for it in the forwarded token.
 *
 * @param accountId the gateway account id ({@code sub})
 * @param name the display name
 * @param email the account's email
 * @param roles the roles granted by the gateway
 */
public record Caller(String accountId, String name, String email, Set<String> roles) {

    public static Caller of(Authentication authentication) {
        Object name = authentication.getAttributes().get("name");
        Object email = authentication.getAttributes().get("email");
        return new Caller(
                authentication.getName(),
                name == null ? authentication.getName() : name.toString(),
                email == null ? "" : email.toString(),
                Set.copyOf(roles(authentication.getRoles())));
    }

    private static Collection<String> roles(Collection<String> roles) {
        return roles == null ? Set.of() : roles;
    }

    public boolean has(String role) {
        return roles.contains(role);
    }
}
