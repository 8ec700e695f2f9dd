package org.endow.sponsors.sponsorships.application;

import io.micronaut.http.HttpStatus;
import io.micronaut.transaction.annotation.Transactional;
import jakarta.inject.Singleton;
import java.time.Clock;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Collectors;
import org.endow.platform.audit.AuditRecords;
import org.endow.platform.problem.ProblemException;
import org.endow.sponsors.sponsorships.model.Logo;
import org.endow.sponsors.sponsorships.model.Sponsorship;
import org.endow.sponsors.sponsorships.model.SponsorshipStatus;
import org.endow.sponsors.sponsorships.model.Sponsorships;

/**
 * A sponsor uploads their logo (checked by content); the wall and the logo API per placement show
 * the logos of sponsorships that are running, each placement for the sponsors whose benefits include
 * it ({@code endow.sponsors.placements.<placement>=<benefit code>}).
 */
@Singleton
public class ShowingLogos {

    private final Sponsorships sponsorships;
    private final Logos logos;
    private final ContractContents contents;
    private final AuditRecords audit;
    private final Map<String, String> placements;
    private final Clock clock;

    ShowingLogos(
            Sponsorships sponsorships,
            Logos logos,
            ContractContents contents,
            AuditRecords audit,
            SponsorshipTerms terms,
            Clock clock) {
        this.sponsorships = sponsorships;
        this.logos = logos;
        this.contents = contents;
        this.audit = audit;
        this.placements = terms.placements();
        this.clock = clock;
    }

    @Transactional
    public void upload(String account, UUID id, byte[] content, String contentType) {
        Sponsorship s = sponsorships
                .find(id)
                .filter(x -> x.ownedBy(account))
                .orElseThrow(() -> ProblemException.notFound("No sponsorship " + id));
        if (s.status() == SponsorshipStatus.REJECTED) {
            throw ProblemException.conflict("This sponsorship was rejected: it has no place for a logo");
        }
        Logo logo;
        try {
            logo = Logo.of(content, contentType);
        } catch (Logo.Refused e) {
            throw new ProblemException(
                    HttpStatus.UNPROCESSABLE_ENTITY,
                    "Logo refused",
                    e.getMessage(),
                    List.of(new org.endow.platform.problem.Problem.FieldError("logo", e.getMessage())));
        }
        logos.save(id, logo);
        audit.record(
                "sponsor:" + account,
                "sponsorship.logo",
                "sponsorship:" + id,
                logo.contentType() + ", " + content.length + " bytes",
                clock.instant());
    }

    /** A running sponsorship's logo; anything else is "not found" (nothing is shown before it runs). */
    @Transactional(readOnly = true)
    public Logo logo(UUID id) {
        LocalDate today = LocalDate.ofInstant(clock.instant(), ZoneOffset.UTC);
        sponsorships.find(id).filter(s -> s.activeOn(today)).orElseThrow(() -> ProblemException.notFound("No logo"));
        return logos.find(id).orElseThrow(() -> ProblemException.notFound("No logo"));
    }

    /** Which running sponsorships have a logo. */
    @Transactional(readOnly = true)
    public Set<UUID> withLogo(List<Sponsorship> running) {
        return logos.withLogo(running.stream().map(Sponsorship::id).collect(Collectors.toSet()));
    }

    /** The running sponsorships whose benefits include the placement's benefit. */
    @Transactional(readOnly = true)
    public List<Sponsorship> placed(String placement, List<Sponsorship> running) {
        String benefit = placements.get(placement);
        if (benefit == null) {
            throw ProblemException.invalidField("placement", "must be one of " + placements.keySet());
        }
        return running.stream()
                .filter(s -> contents.lines(s).stream()
                        .anyMatch(l -> l.benefit().code().equals(benefit)))
                .toList();
    }
}
