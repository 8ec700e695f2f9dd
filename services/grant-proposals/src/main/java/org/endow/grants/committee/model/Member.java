package org.endow.grants.committee.model;

import java.util.Objects;

/**
 * A voting member of the Grants Working Group, as staff keep the roster. The roster gives the vote its
 * electorate and the mails their addresses; the gateway's GRANTS_WG role gives access.
 *
 * @param accountId the gateway account id
 * @param chair whether the member chairs the group (completeness checks, fast track, opening votes)
 */
public record Member(String accountId, String name, String email, boolean chair) {

    public Member {
        Objects.requireNonNull(accountId, "accountId");
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(email, "email");
    }
}
