package org.endow.sponsors.catalogue.application;

import io.micronaut.transaction.annotation.Transactional;
import jakarta.inject.Singleton;
import java.time.Clock;
import org.endow.platform.problem.ProblemException;
import org.endow.sponsors.audit.model.AuditTrail;
import org.endow.sponsors.catalogue.model.Catalogue;
import org.endow.sponsors.catalogue.model.Catalogues;

/**
 * Staff start next year's offer from this year's: packages, benefits (with capacity, flags,
 * conflicts) and clauses are copied; nothing is held in the new year. Audited.
 */
@Singleton
public class CloningYear {

    private final Catalogues catalogues;
    private final AuditTrail audit;
    private final Clock clock;

    CloningYear(Catalogues catalogues, AuditTrail audit, Clock clock) {
        this.catalogues = catalogues;
        this.audit = audit;
        this.clock = clock;
    }

    @Transactional
    public Catalogue cloneYear(CloneYearCommand command) {
        if (command.toYear() == command.fromYear()) {
            throw ProblemException.invalidField("toYear", "must differ from the year cloned");
        }
        Catalogue from = catalogues
                .year(command.fromYear())
                .orElseThrow(
                        () -> ProblemException.notFound("there is no sponsorship catalogue for " + command.fromYear()));
        Catalogue cloned = from.forYear(command.toYear());
        if (!catalogues.add(cloned)) {
            throw ProblemException.conflict(
                    "the catalogue for " + command.toYear() + " already exists; it is changed, not cloned over");
        }
        audit.record(
                command.staffId(),
                "catalogue.cloned",
                "catalogue:" + command.toYear(),
                "from " + command.fromYear() + ": " + cloned.packages().size() + " packages, "
                        + cloned.benefits().size() + " benefits",
                clock.instant());
        return cloned;
    }
}
