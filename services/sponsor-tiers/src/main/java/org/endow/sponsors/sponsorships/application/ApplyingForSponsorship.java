package org.endow.sponsors.sponsorships.application;

import io.micronaut.transaction.annotation.Transactional;
import jakarta.inject.Singleton;
import java.time.Clock;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.endow.kernel.Money;
import org.endow.kernel.TimeOrderedIds;
import org.endow.platform.problem.ProblemException;
import org.endow.sponsors.catalogue.model.Benefit;
import org.endow.sponsors.catalogue.model.CapacityKind;
import org.endow.sponsors.catalogue.model.Catalogue;
import org.endow.sponsors.catalogue.model.Catalogues;
import org.endow.sponsors.sponsorships.model.Organisation;
import org.endow.sponsors.sponsorships.model.Selection;
import org.endow.sponsors.sponsorships.model.Sponsorship;
import org.endow.sponsors.sponsorships.model.Sponsorships;

/**
 * A sponsor contact applies for a package with add-ons, or changes an application sent back to them.
 * Conflicts between benefits and capacity are checked with clear messages; the units are held in the
 * same transaction, under a lock on each capacity-limited benefit's row (taken in code order), so two
 * applications racing for the last unit never both get it. One open application per organisation.
 * Staff are told by email.
 */
@Singleton
public class ApplyingForSponsorship {

    private final Sponsorships sponsorships;
    private final Catalogues catalogues;
    private final SponsorNotifications notifications;
    private final Clock clock;

    ApplyingForSponsorship(
            Sponsorships sponsorships, Catalogues catalogues, SponsorNotifications notifications, Clock clock) {
        this.sponsorships = sponsorships;
        this.catalogues = catalogues;
        this.notifications = notifications;
        this.clock = clock;
    }

    @Transactional
    public Sponsorship apply(String account, Organisation organisation, Selection selection) {
        Catalogue catalogue = catalogue(selection);
        List<Selection.Line> lines = lines(selection, catalogue);
        Sponsorship sponsorship = Sponsorship.apply(
                TimeOrderedIds.next(), account, organisation, selection, selection.fee(catalogue), clock.instant());
        if (!sponsorships.add(sponsorship)) {
            throw ProblemException.conflict(organisation.name()
                    + " already has an open sponsorship application; change that one instead of applying again");
        }
        hold(sponsorship.id(), selection.year(), lines);
        notifications.applied(sponsorship);
        return sponsorship;
    }

    /** The sponsor changes an application staff sent back, and applies again. */
    @Transactional
    public Sponsorship amend(String account, UUID id, Organisation organisation, Selection selection) {
        Sponsorship sponsorship = sponsorships
                .lock(id)
                .filter(s -> s.ownedBy(account))
                .orElseThrow(() -> ProblemException.notFound("No sponsorship " + id));
        Catalogue catalogue = catalogue(selection);
        List<Selection.Line> lines = lines(selection, catalogue);
        Money fee = selection.fee(catalogue);
        try {
            sponsorship.amend(organisation, selection, fee);
        } catch (Sponsorship.IllegalTransition e) {
            throw ProblemException.conflict(e.getMessage());
        }
        sponsorships.release(id);
        hold(id, selection.year(), lines);
        sponsorships.update(sponsorship);
        notifications.applied(sponsorship);
        return sponsorship;
    }

    private Catalogue catalogue(Selection selection) {
        return catalogues
                .year(selection.year())
                .orElseThrow(
                        () -> ProblemException.invalidField("year", "there is no catalogue for " + selection.year()));
    }

    private static List<Selection.Line> lines(Selection selection, Catalogue catalogue) {
        try {
            return selection.lines(catalogue);
        } catch (Selection.SelectionRefused e) {
            throw ProblemException.invalidField(e.field(), e.getMessage());
        }
    }

    private void hold(UUID id, int year, List<Selection.Line> lines) {
        List<Selection.Line> limited = lines.stream()
                .filter(l -> l.benefit().capacity() != null && l.benefit().capacityKind() == CapacityKind.HARD)
                .sorted(Comparator.comparing(l -> l.benefit().code()))
                .toList();
        for (Selection.Line line : limited) {
            catalogues.lockBenefit(year, line.benefit().code());
        }
        Map<String, Integer> held = catalogues.held(year);
        for (Selection.Line line : limited) {
            // read again under the lock: the capacity may have changed since the catalogue was read
            Benefit benefit =
                    catalogues.lockBenefit(year, line.benefit().code()).orElseThrow();
            int taken = held.getOrDefault(benefit.code(), 0);
            if (!benefit.canTake(taken, line.quantity())) {
                int left = benefit.remaining(taken).orElse(0);
                throw ProblemException.invalidField(
                        "addOns",
                        "'" + benefit.name() + "' is sold out for " + year + ": " + left + " of " + benefit.capacity()
                                + " left, " + line.quantity() + " wanted. Choose another package or add-on.");
            }
        }
        sponsorships.hold(id, year, lines);
    }
}
