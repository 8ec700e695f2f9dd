package org.endow.grants.committee.model;

import java.util.List;
import java.util.Optional;

/** The working group's roster. */
public interface Members {

    List<Member> all();

    Optional<Member> find(String accountId);

    void save(Member member);

    boolean remove(String accountId);

    default List<Member> chairs() {
        return all().stream().filter(Member::chair).toList();
    }
}
