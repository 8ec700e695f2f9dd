package org.endow.grants.policy.model;

import java.util.List;
import java.util.Optional;

/** The grant policy: every category and its rules. */
public interface Categories {

    Optional<GrantCategory> find(String code);

    List<GrantCategory> all();

    /** Adds or replaces the category with this code. */
    void save(GrantCategory category);
}
