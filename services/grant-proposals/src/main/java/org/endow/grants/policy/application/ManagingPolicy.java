package org.endow.grants.policy.application;

import io.micronaut.transaction.annotation.Transactional;
import jakarta.inject.Singleton;
import java.time.Clock;
import java.util.List;
import org.endow.grants.policy.model.Categories;
import org.endow.grants.policy.model.GrantCategory;
import org.endow.grants.proposals.model.AuditTrail;
import org.endow.platform.problem.ProblemException;

/**
 * Staff keep the grant policy: categories, caps, voting rules and windows. A change applies to proposals
 * submitted from then on; those already submitted keep the copy they were submitted under.
 */
@Singleton
public class ManagingPolicy {

    private final Categories categories;
    private final AuditTrail audit;
    private final Clock clock;

    ManagingPolicy(Categories categories, AuditTrail audit, Clock clock) {
        this.categories = categories;
        this.audit = audit;
        this.clock = clock;
    }

    @Transactional(readOnly = true)
    public List<GrantCategory> all() {
        return categories.all();
    }

    @Transactional(readOnly = true)
    public GrantCategory one(String code) {
        return categories.find(code).orElseThrow(() -> ProblemException.notFound("No grant category '" + code + "'"));
    }

    @Transactional
    public GrantCategory save(String staff, GrantCategory category) {
        boolean existed = categories.find(category.code()).isPresent();
        categories.save(category);
        audit.record(
                staff,
                existed ? "grant category changed" : "grant category added",
                category.code(),
                category.toString(),
                clock.instant());
        return category;
    }
}
