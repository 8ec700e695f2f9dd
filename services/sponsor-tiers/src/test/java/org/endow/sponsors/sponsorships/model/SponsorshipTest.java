package org.endow.sponsors.sponsorships.model;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;
import java.util.function.Consumer;
import org.endow.kernel.Money;
import org.junit.jupiter.api.Test;

/** Every transition from every state: allowed ones move on, the others are refused with a clear message. */
class SponsorshipTest {

    static final Instant NOW = Instant.parse("2027-01-10T10:00:00Z");
    static final String DRAFT = "a".repeat(64);

    static Organisation initech() {
        return new Organisation(
                "Initech Ltd",
                "Software",
                "https://initech.example",
                "1 Initech Way, Austin TX",
                List.of(
                        new Organisation.Contact(
                                "Peter Gibbons", "peter@initech.example", Organisation.ContactRole.PRIMARY),
                        new Organisation.Contact(
                                "Milton", "milton@initech.example", Organisation.ContactRole.ACCOUNTING)));
    }

    static Sponsorship applied() {
        return Sponsorship.apply(
                UUID.randomUUID(),
                "acct-1",
                initech(),
                new Selection(2022, "supporting", List.of()),
                Money.of(1_500_000, "USD"),
                NOW);
    }

    static Sponsorship in(SponsorshipStatus status) {
        Sponsorship s = applied();
        switch (status) {
            case APPLIED -> {}
            case EDITING -> s.rollBackToEditing("change the add-ons");
            case REJECTED -> s.reject("not this year");
            default -> {
                s.approve(LocalDate.parse("2027-02-01"), LocalDate.parse("2028-01-31"), null);
                if (status == SponsorshipStatus.APPROVED) {
                    break;
                }
                s.sendContract();
                if (status == SponsorshipStatus.CONTRACT_SENT) {
                    break;
                }
                s.sign("Peter Gibbons", "CEO", NOW, DRAFT, DRAFT);
                if (status == SponsorshipStatus.SIGNED) {
                    break;
                }
                s.countersign(
                        "Ada",
                        "Executive Director",
                        NOW,
                        "b".repeat(64),
                        "INV-2027-0001",
                        LocalDate.parse("2027-02-10"),
                        Money.of(300_000, "USD"));
                if (status == SponsorshipStatus.EXECUTED) {
                    break;
                }
                s.paid(NOW, "BACS 1");
            }
        }
        assertEquals(status, s.status());
        return s;
    }

    record Action(String name, Consumer<Sponsorship> run, List<SponsorshipStatus> allowedFrom) {}

    static final List<Action> ACTIONS = List.of(
            new Action(
                    "approve",
                    s -> s.approve(LocalDate.parse("2027-02-01"), LocalDate.parse("2028-01-31"), null),
                    List.of(SponsorshipStatus.APPLIED)),
            new Action("reject", s -> s.reject("no"), List.of(SponsorshipStatus.APPLIED)),
            new Action(
                    "roll back",
                    s -> s.rollBackToEditing("please change"),
                    List.of(SponsorshipStatus.APPLIED, SponsorshipStatus.APPROVED, SponsorshipStatus.CONTRACT_SENT)),
            new Action(
                    "amend",
                    s -> s.amend(initech(), new Selection(2022, "supporting", List.of()), Money.of(1_500_000, "USD")),
                    List.of(SponsorshipStatus.EDITING)),
            new Action("send", Sponsorship::sendContract, List.of(SponsorshipStatus.APPROVED)),
            new Action(
                    "sign", s -> s.sign("Peter", "CEO", NOW, DRAFT, DRAFT), List.of(SponsorshipStatus.CONTRACT_SENT)),
            new Action(
                    "countersign",
                    s -> s.countersign(
                            "Ada", "ED", NOW, DRAFT, "INV-1", LocalDate.parse("2027-03-01"), Money.zero("USD")),
                    List.of(SponsorshipStatus.SIGNED)),
            new Action(
                    "nullify",
                    s -> s.nullify("wrong dates"),
                    List.of(SponsorshipStatus.CONTRACT_SENT, SponsorshipStatus.SIGNED, SponsorshipStatus.EXECUTED)),
            new Action("pay", s -> s.paid(NOW, "BACS"), List.of(SponsorshipStatus.EXECUTED)),
            new Action("vet", s -> s.vet(true, "checked", "staff-1", NOW), List.of(SponsorshipStatus.APPLIED)),
            new Action(
                    "show early",
                    s -> s.showBeforeExecution(true),
                    List.of(
                            SponsorshipStatus.APPROVED,
                            SponsorshipStatus.CONTRACT_SENT,
                            SponsorshipStatus.SIGNED,
                            SponsorshipStatus.EXECUTED,
                            SponsorshipStatus.PAID)));

    @Test
    void every_action_from_every_state_moves_on_or_is_refused_saying_why() {
        int refused = 0;
        for (Action action : ACTIONS) {
            for (SponsorshipStatus from : SponsorshipStatus.values()) {
                Sponsorship s = in(from);
                if (action.allowedFrom().contains(from)) {
                    action.run().accept(s);
                } else {
                    Sponsorship.IllegalTransition e = assertThrows(
                            Sponsorship.IllegalTransition.class,
                            () -> action.run().accept(s),
                            action.name() + " from " + from);
                    assertTrue(e.getMessage().startsWith("Cannot "), e.getMessage());
                    assertTrue(e.getMessage().contains(from.name().toLowerCase().replace('_', ' ')), e.getMessage());
                    assertEquals(from, s.status(), "a refused action changes nothing");
                    refused++;
                }
            }
        }
        assertEquals(
                ACTIONS.size() * SponsorshipStatus.values().length
                        - ACTIONS.stream().mapToInt(a -> a.allowedFrom().size()).sum(),
                refused);
    }

    @Test
    void signing_a_draft_other_than_the_current_one_is_refused() {
        Sponsorship s = in(SponsorshipStatus.CONTRACT_SENT);
        assertThrows(Sponsorship.IllegalTransition.class, () -> s.sign("Peter", "CEO", NOW, "c".repeat(64), DRAFT));
        assertThrows(IllegalArgumentException.class, () -> s.sign(" ", "CEO", NOW, DRAFT, DRAFT));
        assertEquals(SponsorshipStatus.CONTRACT_SENT, s.status());
    }

    @Test
    void nullifying_makes_a_new_draft_revision_and_forgets_the_signatures() {
        Sponsorship s = in(SponsorshipStatus.EXECUTED);
        s.nullify("the dates were wrong");
        assertEquals(SponsorshipStatus.APPROVED, s.status());
        assertEquals(2, s.revision());
        assertEquals(null, s.sponsorSignature());
        assertEquals(null, s.invoiceNumber());
    }

    @Test
    void approval_needs_an_end_after_the_start_and_an_adjusted_fee_in_the_same_currency() {
        Sponsorship s = applied();
        assertThrows(
                IllegalArgumentException.class,
                () -> s.approve(LocalDate.parse("2027-02-01"), LocalDate.parse("2027-01-01"), null));
        assertThrows(
                IllegalArgumentException.class,
                () -> s.approve(LocalDate.parse("2027-02-01"), LocalDate.parse("2028-01-31"), Money.of(5, "EUR")));
        s.approve(LocalDate.parse("2027-02-01"), LocalDate.parse("2028-01-31"), Money.of(1_200_000, "USD"));
        assertEquals(Money.of(1_200_000, "USD"), s.fee());
    }

    @Test
    void where_vetting_is_required_approval_waits_for_it_and_a_failed_vetting_rejects_saying_why() {
        Sponsorship s = applied();
        Sponsorship.IllegalTransition unvetted = assertThrows(
                Sponsorship.IllegalTransition.class,
                () -> s.approve(LocalDate.parse("2027-02-01"), LocalDate.parse("2028-01-31"), null, true));
        assertTrue(unvetted.getMessage().contains("vetting must pass first"), unvetted.getMessage());
        s.vet(true, "", "staff-1", NOW);
        assertThrows(Sponsorship.IllegalTransition.class, () -> s.vet(true, "", "staff-2", NOW), "recorded once");
        s.approve(LocalDate.parse("2027-02-01"), LocalDate.parse("2028-01-31"), null, true);
        assertEquals(SponsorshipStatus.APPROVED, s.status());

        Sponsorship failing = applied();
        assertThrows(IllegalArgumentException.class, () -> failing.vet(false, " ", "staff-1", NOW), "a reason");
        failing.vet(false, "reports of harassment at its events", "staff-1", NOW);
        assertEquals(SponsorshipStatus.REJECTED, failing.status());
        assertTrue(failing.decisionNote().contains("code-of-conduct vetting"));
    }

    @Test
    void staff_may_show_an_approved_sponsor_on_the_wall_before_execution_within_its_dates() {
        Sponsorship s = in(SponsorshipStatus.CONTRACT_SENT);
        LocalDate during = LocalDate.parse("2027-03-01");
        assertTrue(!s.activeOn(during), "not before execution unless allowed");
        s.showBeforeExecution(true);
        assertTrue(s.activeOn(during));
        assertTrue(!s.activeOn(LocalDate.parse("2027-01-15")), "never before its start");
        s.showBeforeExecution(false);
        assertTrue(!s.activeOn(during));
        assertTrue(in(SponsorshipStatus.PAID).activeOn(during), "executed or paid sponsors always show");
    }

    @Test
    void the_issued_invoice_keeps_what_it_charges_until_the_contract_is_nullified_and_issued_again() {
        Sponsorship s = in(SponsorshipStatus.SIGNED);
        assertNull(s.invoiceTax(), "no invoice yet");
        assertNull(s.invoiceTotal());
        assertThrows(
                IllegalArgumentException.class,
                () -> s.countersign(
                        "Ada", "ED", NOW, DRAFT, "INV-1", LocalDate.parse("2027-03-01"), Money.of(-1, "USD")),
                "no negative tax");
        assertThrows(
                IllegalArgumentException.class,
                () -> s.countersign(
                        "Ada", "ED", NOW, DRAFT, "INV-1", LocalDate.parse("2027-03-01"), Money.of(300_000, "EUR")),
                "the tax is in the fee's currency");
        assertEquals(SponsorshipStatus.SIGNED, s.status(), "a refused countersignature changes nothing");

        // issued at 20 %
        s.countersign("Ada", "ED", NOW, DRAFT, "INV-1", LocalDate.parse("2027-03-01"), Money.of(300_000, "USD"));
        assertEquals(Money.of(300_000, "USD"), s.invoiceTax());
        assertEquals(Money.of(1_800_000, "USD"), s.invoiceTotal());
        s.paid(NOW, "BACS 1");
        assertEquals(Money.of(1_800_000, "USD"), s.invoiceTotal(), "paying keeps what the invoice charged");

        // nullified: no invoice, no figures; issued again at 25 %: the new invoice's figures
        Sponsorship reissued = in(SponsorshipStatus.EXECUTED);
        reissued.nullify("wrong dates");
        assertNull(reissued.invoiceTax());
        assertNull(reissued.invoiceTotal());
        reissued.sendContract();
        reissued.sign("Peter Gibbons", "CEO", NOW, DRAFT, DRAFT);
        reissued.countersign("Ada", "ED", NOW, DRAFT, "INV-2", LocalDate.parse("2027-03-01"), Money.of(375_000, "USD"));
        assertEquals(Money.of(375_000, "USD"), reissued.invoiceTax());
        assertEquals(Money.of(1_875_000, "USD"), reissued.invoiceTotal());
    }

    @Test
    void an_invoice_issued_before_its_figures_were_kept_has_none_and_a_tax_needs_an_invoice() {
        Sponsorship executed = in(SponsorshipStatus.EXECUTED);
        Sponsorship legacy = copy(executed, executed.invoiceNumber(), null);
        assertEquals("INV-2027-0001", legacy.invoiceNumber());
        assertNull(legacy.invoiceTax(), "not guessed");
        assertNull(legacy.invoiceTotal());
        assertEquals(
                Money.of(1_800_000, "USD"),
                copy(executed, executed.invoiceNumber(), executed.invoiceTax()).invoiceTotal());
        assertThrows(IllegalArgumentException.class, () -> copy(executed, null, Money.of(300_000, "USD")));
        assertThrows(
                IllegalArgumentException.class,
                () -> copy(executed, executed.invoiceNumber(), Money.of(300_000, "EUR")));
    }

    /** {@code s} as a repository would load it, with this invoice number and kept tax. */
    static Sponsorship copy(Sponsorship s, String invoiceNumber, Money invoiceTax) {
        return new Sponsorship(
                s.id(),
                s.owner(),
                s.organisation(),
                s.selection(),
                s.fee(),
                s.status(),
                s.startDate(),
                s.endDate(),
                s.decisionNote(),
                s.revision(),
                s.sponsorSignature(),
                s.foundationSignature(),
                invoiceNumber,
                s.invoiceDue(),
                invoiceTax,
                s.paidAt(),
                s.paymentReference(),
                s.appliedAt(),
                s.vetting(),
                s.shownBeforeExecution());
    }
}
