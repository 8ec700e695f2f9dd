package org.endow.sponsors.catalogue.application;

import io.micronaut.transaction.annotation.Transactional;
import jakarta.inject.Singleton;
import java.time.Clock;
import org.endow.platform.problem.ProblemException;
import org.endow.sponsors.audit.model.AuditTrail;
import org.endow.sponsors.catalogue.model.Benefit;
import org.endow.sponsors.catalogue.model.CapacityKind;
import org.endow.sponsors.catalogue.model.Catalogues;

/**
 * Staff change a benefit's capacity. A hard capacity cannot go below the units already held (that
 * would oversell what is sold); the benefit's row is locked so that no sale slips in between. Audited.
 */
@Singleton
public class ChangingCapacity {

    private final Catalogues catalogues;
    private final AuditTrail audit;
    private final Clock clock;

    ChangingCapacity(Catalogues catalogues, AuditTrail audit, Clock clock) {
        this.catalogues = catalogues;
        this.audit = audit;
        this.clock = clock;
    }

    @Transactional
    public Benefit change(ChangeCapacityCommand command) {
        if (command.capacity() != null && command.capacity() < 0) {
            throw ProblemException.invalidField("capacity", "must not be negative");
        }
        Benefit benefit = catalogues
                .lockBenefit(command.year(), command.benefitCode())
                .orElseThrow(() -> ProblemException.notFound(
                        "there is no benefit '" + command.benefitCode() + "' in " + command.year()));
        int held = catalogues.held(command.year()).getOrDefault(command.benefitCode(), 0);
        if (command.kind() == CapacityKind.HARD && command.capacity() != null && command.capacity() < held) {
            throw ProblemException.invalidField(
                    "capacity",
                    held + " units of '" + benefit.name() + "' are already held; a hard capacity cannot go below that");
        }
        catalogues.changeCapacity(command.year(), command.benefitCode(), command.capacity(), command.kind());
        audit.record(
                command.staffId(),
                "benefit.capacity-changed",
                "benefit:" + command.year() + "/" + command.benefitCode(),
                (benefit.capacity() == null ? "unlimited" : benefit.capacity() + " " + benefit.capacityKind())
                        + " -> "
                        + (command.capacity() == null ? "unlimited" : command.capacity() + " " + command.kind()),
                clock.instant());
        return benefit.withCapacity(command.capacity(), command.kind());
    }
}
