package org.endow.sponsors.sponsorships.application;

import io.micronaut.http.HttpStatus;
import io.micronaut.transaction.annotation.Transactional;
import jakarta.inject.Singleton;
import java.time.Clock;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.temporal.IsoFields;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.endow.kernel.HumanTime;
import org.endow.platform.mail.Mail;
import org.endow.platform.mail.MailOutbox;
import org.endow.platform.problem.Problem;
import org.endow.platform.problem.ProblemException;
import org.endow.sponsors.audit.model.AuditTrail;
import org.endow.sponsors.catalogue.model.AssetRequirement;
import org.endow.sponsors.catalogue.model.Catalogue;
import org.endow.sponsors.sponsorships.model.Fulfilment;
import org.endow.sponsors.sponsorships.model.Selection;
import org.endow.sponsors.sponsorships.model.Sponsorship;
import org.endow.sponsors.sponsorships.model.SponsorshipStatus;
import org.endow.sponsors.sponsorships.model.Sponsorships;

/**
 * The assets each benefit needs (a logo, texts, links): the sponsor sees what is due and sends it;
 * staff see what is missing, per benefit; the sponsor's primary contact is reminded once a week
 * while something is due within {@value #REMIND_DAYS_BEFORE} days or overdue.
 */
@Singleton
public class FulfillingBenefits {

    public static final int REMIND_DAYS_BEFORE = 7;

    /** From approval on, the sponsorship's dates are known and its benefits are delivered. */
    static final Set<SponsorshipStatus> DELIVERING = EnumSet.of(
            SponsorshipStatus.APPROVED,
            SponsorshipStatus.CONTRACT_SENT,
            SponsorshipStatus.SIGNED,
            SponsorshipStatus.EXECUTED,
            SponsorshipStatus.PAID);

    /** A sponsorship and one thing it still owes. */
    public record Outstanding(Sponsorship sponsorship, Fulfilment.Item item) {}

    private final Sponsorships sponsorships;
    private final AssetSubmissions submissions;
    private final Logos logos;
    private final ContractContents contents;
    private final AuditTrail audit;
    private final MailOutbox mail;
    private final RemindingSponsors.Sent sent;
    private final SponsorshipTerms terms;
    private final Clock clock;

    FulfillingBenefits(
            Sponsorships sponsorships,
            AssetSubmissions submissions,
            Logos logos,
            ContractContents contents,
            AuditTrail audit,
            MailOutbox mail,
            RemindingSponsors.Sent sent,
            SponsorshipTerms terms,
            Clock clock) {
        this.sponsorships = sponsorships;
        this.submissions = submissions;
        this.logos = logos;
        this.contents = contents;
        this.audit = audit;
        this.mail = mail;
        this.sent = sent;
        this.terms = terms;
        this.clock = clock;
    }

    /** What this sponsorship's benefits need; someone else's sponsorship is "not found". */
    @Transactional(readOnly = true)
    public List<Fulfilment.Item> items(UUID id, String account, boolean staff) {
        Sponsorship s = sponsorships
                .find(id)
                .filter(x -> staff || x.ownedBy(account))
                .orElseThrow(() -> ProblemException.notFound("No sponsorship " + id));
        return items(s);
    }

    /** The sponsor sends a text or a link for one requirement (again, to change it). */
    @Transactional
    public Fulfilment.Item submit(String account, UUID id, String benefit, String code, String value) {
        Sponsorship s = sponsorships
                .find(id)
                .filter(x -> x.ownedBy(account))
                .orElseThrow(() -> ProblemException.notFound("No sponsorship " + id));
        if (s.status() == SponsorshipStatus.REJECTED) {
            throw ProblemException.conflict("This sponsorship was rejected: it needs nothing from you");
        }
        AssetRequirement requirement = lines(s).stream()
                .filter(l -> l.benefit().code().equals(benefit))
                .flatMap(l -> l.benefit().assets().stream())
                .filter(a -> a.code().equals(code))
                .findFirst()
                .orElseThrow(() -> ProblemException.notFound(
                        "The sponsorship's benefits ask for no '" + code + "' for '" + benefit + "'"));
        String kept;
        try {
            kept = Fulfilment.accept(requirement, value);
        } catch (IllegalArgumentException e) {
            throw new ProblemException(
                    HttpStatus.UNPROCESSABLE_ENTITY,
                    requirement.label() + " refused",
                    requirement.label() + ": " + e.getMessage(),
                    List.of(new Problem.FieldError("value", e.getMessage())));
        }
        submissions.save(
                id, new Fulfilment.Key(benefit, code), new Fulfilment.Submitted(kept, account, clock.instant()));
        audit.record(
                "sponsor:" + account,
                "sponsorship.asset",
                "sponsorship:" + id,
                benefit + "/" + code + ", " + kept.length() + " characters",
                clock.instant());
        return items(s).stream()
                .filter(i -> i.benefitCode().equals(benefit)
                        && i.requirement().code().equals(code))
                .findFirst()
                .orElseThrow();
    }

    /** Staff: what running or upcoming sponsorships still owe, soonest due first; {@code benefit} null for all. */
    @Transactional(readOnly = true)
    public List<Outstanding> outstanding(String benefit) {
        List<Outstanding> found = new ArrayList<>();
        List<Sponsorship> delivering = delivering();
        Function<Sponsorship, List<Fulfilment.Item>> items = itemsOfMany(delivering);
        for (Sponsorship s : delivering) {
            for (Fulfilment.Item item : items.apply(s)) {
                if (item.outstanding()
                        && (benefit == null
                                || benefit.isBlank()
                                || item.benefitCode().equals(benefit))) {
                    found.add(new Outstanding(s, item));
                }
            }
        }
        found.sort(
                Comparator.comparing((Outstanding o) -> o.item().due(), Comparator.nullsLast(Comparator.naturalOrder()))
                        .thenComparing(o -> o.sponsorship().organisation().name()));
        return found;
    }

    /**
     * One email per sponsorship and week listing what is due within {@value #REMIND_DAYS_BEFORE}
     * days or overdue, to the primary contact; @return how many were queued.
     */
    @Transactional
    public int remind() {
        LocalDate today = LocalDate.ofInstant(clock.instant(), ZoneOffset.UTC);
        String week = today.get(IsoFields.WEEK_BASED_YEAR) + "-W" + today.get(IsoFields.WEEK_OF_WEEK_BASED_YEAR);
        String portal = terms.portalUrl().replaceAll("/+$", "");
        int queued = 0;
        List<Sponsorship> delivering = delivering();
        Function<Sponsorship, List<Fulfilment.Item>> items = itemsOfMany(delivering);
        for (Sponsorship s : delivering) {
            if (s.endDate() != null && today.isAfter(s.endDate())) {
                continue;
            }
            List<Fulfilment.Item> due = items.apply(s).stream()
                    .filter(i -> i.outstanding()
                            && i.due() != null
                            && !today.isBefore(i.due().minusDays(REMIND_DAYS_BEFORE)))
                    .toList();
            if (!due.isEmpty() && sent.first(s.id(), "ASSET", week)) {
                String list = due.stream()
                        .map(i -> "- " + i.requirement().label() + " (" + i.benefitName() + "), "
                                + (i.state() == Fulfilment.State.OVERDUE ? "overdue since " : "due ")
                                + HumanTime.day(i.due()))
                        .collect(Collectors.joining("\n"));
                mail.enqueue(Mail.text(
                        s.organisation().primary().email(),
                        "Your sponsorship needs " + due.size() + (due.size() == 1 ? " item" : " items") + " from you",
                        "Dear " + s.organisation().primary().name() + ",\n\nTo deliver your benefits we need:\n"
                                + list + "\n\nSend them here: " + portal + "/sponsors/sponsorships/" + s.id()
                                + "\n\nThank you!"));
                queued++;
            }
        }
        return queued;
    }

    private List<Sponsorship> delivering() {
        return sponsorships.all(null).stream()
                .filter(s -> DELIVERING.contains(s.status()))
                .toList();
    }

    /**
     * The items of many sponsorships: which have a logo and what each sent read in one query each, each year's
     * catalogue read once.
     */
    private Function<Sponsorship, List<Fulfilment.Item>> itemsOfMany(List<Sponsorship> many) {
        LocalDate today = LocalDate.ofInstant(clock.instant(), ZoneOffset.UTC);
        Set<UUID> ids = many.stream().map(Sponsorship::id).collect(Collectors.toSet());
        Set<UUID> withLogo = logos.withLogo(ids);
        Map<UUID, Map<Fulfilment.Key, Fulfilment.Submitted>> sent = submissions.ofAll(ids);
        Map<Integer, Catalogue> catalogues = new HashMap<>();
        return s -> Fulfilment.of(
                s,
                s.selection().lines(catalogues.computeIfAbsent(s.selection().year(), y -> contents.catalogueOf(s))),
                withLogo.contains(s.id()),
                sent.getOrDefault(s.id(), Map.of()),
                today);
    }

    private List<Fulfilment.Item> items(Sponsorship s) {
        LocalDate today = LocalDate.ofInstant(clock.instant(), ZoneOffset.UTC);
        boolean hasLogo = !logos.withLogo(Set.of(s.id())).isEmpty();
        return Fulfilment.of(s, lines(s), hasLogo, submissions.of(s.id()), today);
    }

    private List<Selection.Line> lines(Sponsorship s) {
        return contents.lines(s);
    }
}
