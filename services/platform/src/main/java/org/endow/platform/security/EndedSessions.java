package org.endow.platform.security;

import io.micronaut.security.authentication.Authentication;

/**
 * Sessions that ended before their token expired (a sign-out, a change of the account's roles). The gateway, which
 * issues the tokens, keeps them; {@link VerifiedTokens} asks on every request it answers from memory, so a
 * remembered token stops working the moment its session ends. A service without such a bean trusts a verified token
 * until it expires (it is reached only through the gateway, which forwards only a token whose session is current).
 */
public interface EndedSessions {

    /** Whether the session this authentication was issued for has ended; answered from memory, never blocking. */
    boolean ended(Authentication authentication);
}
