package org.endow.sponsors.sponsorships.model;

import java.time.Instant;
import java.time.LocalDate;
import java.util.Locale;
import java.util.Objects;
import java.util.UUID;
import org.endow.kernel.Money;

/**
 * One organisation's sponsorship for a year: its application, staff's review, the contract signed
 * by both sides, the invoice and its payment. Every transition checks the state it starts from and
 * says plainly why it is refused ({@link IllegalTransition}).
 */
public final class Sponsorship {

    private final UUID id;
    private final String owner;
    private Organisation organisation;
    private Selection selection;
    private Money fee;
    private SponsorshipStatus status;
    private LocalDate startDate;
    private LocalDate endDate;
    private String decisionNote;
    private int revision;
    private Signature sponsorSignature;
    private Signature foundationSignature;
    private String invoiceNumber;
    private LocalDate invoiceDue;
    private Money invoiceTax;
    private Instant paidAt;
    private String paymentReference;
    private final Instant appliedAt;
    private Vetting vetting;
    private boolean shownBeforeExecution;

    /** The code-of-conduct vetting's outcome: passed or not, why, who decided and when. */
    public record Vetting(boolean passed, String note, String by, Instant at) {}

    /** Who signed, as typed, when, and the SHA-256 of the document they signed. */
    public record Signature(String name, String title, Instant at, String documentSha256) {}

    public Sponsorship(
            UUID id,
            String owner,
            Organisation organisation,
            Selection selection,
            Money fee,
            SponsorshipStatus status,
            LocalDate startDate,
            LocalDate endDate,
            String decisionNote,
            int revision,
            Signature sponsorSignature,
            Signature foundationSignature,
            String invoiceNumber,
            LocalDate invoiceDue,
            Money invoiceTax,
            Instant paidAt,
            String paymentReference,
            Instant appliedAt,
            Vetting vetting,
            boolean shownBeforeExecution) {
        this.id = Objects.requireNonNull(id);
        this.owner = Objects.requireNonNull(owner);
        this.organisation = Objects.requireNonNull(organisation);
        this.selection = Objects.requireNonNull(selection);
        this.fee = Objects.requireNonNull(fee);
        this.status = Objects.requireNonNull(status);
        this.startDate = startDate;
        this.endDate = endDate;
        this.decisionNote = decisionNote;
        this.revision = revision;
        this.sponsorSignature = sponsorSignature;
        this.foundationSignature = foundationSignature;
        this.invoiceNumber = invoiceNumber;
        this.invoiceDue = invoiceDue;
        if (invoiceTax != null
                && (invoiceNumber == null || !invoiceTax.currencyCode().equals(fee.currencyCode()))) {
            throw new IllegalArgumentException("an invoice's tax is in the fee's currency, and only with an invoice");
        }
        this.invoiceTax = invoiceTax;
        this.paidAt = paidAt;
        this.paymentReference = paymentReference;
        this.appliedAt = Objects.requireNonNull(appliedAt);
        this.vetting = vetting;
        this.shownBeforeExecution = shownBeforeExecution;
    }

    public static Sponsorship apply(
            UUID id, String owner, Organisation organisation, Selection selection, Money fee, Instant now) {
        return new Sponsorship(
                id,
                owner,
                organisation,
                selection,
                fee,
                SponsorshipStatus.APPLIED,
                null,
                null,
                null,
                0,
                null,
                null,
                null,
                null,
                null,
                null,
                null,
                now,
                null,
                false);
    }

    /**
     * Staff record the code-of-conduct vetting of the organisation. Failing it rejects the
     * application with the reason; passing it lets staff approve where vetting is required. An
     * application sent back and applied again keeps its vetting.
     */
    public void vet(boolean passed, String note, String by, Instant at) {
        require(SponsorshipStatus.APPLIED, "record the vetting");
        if (vetting != null) {
            throw new IllegalTransition("record the vetting", status, "it was recorded already");
        }
        if (!passed) {
            requireReason(note);
        }
        vetting = new Vetting(passed, note == null ? "" : note.strip(), Objects.requireNonNull(by), at);
        if (!passed) {
            decisionNote = "It did not pass the code-of-conduct vetting: " + note.strip();
            status = SponsorshipStatus.REJECTED;
        }
    }

    /** Staff approve, with the sponsorship's dates and, optionally, an adjusted fee. */
    public void approve(LocalDate start, LocalDate end, Money adjustedFee) {
        approve(start, end, adjustedFee, false);
    }

    /**
     * Staff approve, with the sponsorship's dates and, optionally, an adjusted fee.
     *
     * @param vettingRequired whether the code-of-conduct vetting must have passed first
     */
    public void approve(LocalDate start, LocalDate end, Money adjustedFee, boolean vettingRequired) {
        require(SponsorshipStatus.APPLIED, "approve");
        if (vettingRequired && (vetting == null || !vetting.passed())) {
            throw new IllegalTransition("approve", status, "the code-of-conduct vetting must pass first");
        }
        if (start == null || end == null || !end.isAfter(start)) {
            throw new IllegalArgumentException("the end date must be after the start date");
        }
        if (adjustedFee != null) {
            if (!adjustedFee.isPositive() || !adjustedFee.currencyCode().equals(fee.currencyCode())) {
                throw new IllegalArgumentException("an adjusted fee is a positive amount in " + fee.currencyCode());
            }
            fee = adjustedFee;
        }
        startDate = start;
        endDate = end;
        status = SponsorshipStatus.APPROVED;
        revision = 1;
    }

    public void reject(String reason) {
        require(SponsorshipStatus.APPLIED, "reject");
        requireReason(reason);
        decisionNote = reason;
        status = SponsorshipStatus.REJECTED;
    }

    /** Staff send it back for changes (before the sponsor has signed). */
    public void rollBackToEditing(String reason) {
        if (status != SponsorshipStatus.APPLIED
                && status != SponsorshipStatus.APPROVED
                && status != SponsorshipStatus.CONTRACT_SENT) {
            throw new IllegalTransition("roll back to editing", status, "only before the sponsor signs");
        }
        requireReason(reason);
        decisionNote = reason;
        status = SponsorshipStatus.EDITING;
        sponsorSignature = null;
    }

    /** The sponsor changes what they apply for and applies again. */
    public void amend(Organisation changedOrganisation, Selection changedSelection, Money changedFee) {
        require(SponsorshipStatus.EDITING, "change the application");
        organisation = Objects.requireNonNull(changedOrganisation);
        selection = Objects.requireNonNull(changedSelection);
        fee = Objects.requireNonNull(changedFee);
        status = SponsorshipStatus.APPLIED;
    }

    public void sendContract() {
        require(SponsorshipStatus.APPROVED, "send the contract");
        status = SponsorshipStatus.CONTRACT_SENT;
    }

    /**
     * The sponsor signs the draft they read.
     *
     * @param seenSha256 the SHA-256 of the document the sponsor was shown: it must be the current draft
     */
    public void sign(String name, String title, Instant at, String seenSha256, String currentDraftSha256) {
        require(SponsorshipStatus.CONTRACT_SENT, "sign");
        if (name == null || name.isBlank() || title == null || title.isBlank()) {
            throw new IllegalArgumentException("type your full name and your title to sign");
        }
        if (!currentDraftSha256.equalsIgnoreCase(seenSha256 == null ? "" : seenSha256)) {
            throw new IllegalTransition(
                    "sign", status, "the contract changed since you opened it: read the current version and sign it");
        }
        sponsorSignature = new Signature(name.strip(), title.strip(), at, currentDraftSha256.toLowerCase(Locale.ROOT));
        status = SponsorshipStatus.SIGNED;
    }

    /**
     * Staff countersign: the contract is executed and the invoice is issued. What the invoice charges
     * is kept with it: the fee and {@code tax}, the sum of the tax lines printed on the invoice as
     * issued. The card checkout, the payment check, the reminder and the staff CSV ask for that, not
     * for whatever the tax settings say later.
     *
     * @param tax the invoice's tax on the fee (zero when no tax applies), in the fee's currency
     */
    public void countersign(
            String name, String title, Instant at, String signedSha256, String invoice, LocalDate due, Money tax) {
        require(SponsorshipStatus.SIGNED, "countersign");
        Objects.requireNonNull(tax);
        if (tax.isNegative() || !tax.currencyCode().equals(fee.currencyCode())) {
            throw new IllegalArgumentException("an invoice's tax is zero or more, in " + fee.currencyCode());
        }
        foundationSignature = new Signature(name, title, at, signedSha256);
        invoiceNumber = Objects.requireNonNull(invoice);
        invoiceDue = Objects.requireNonNull(due);
        invoiceTax = tax;
        status = SponsorshipStatus.EXECUTED;
    }

    /** Staff nullify the contract: a new draft revision replaces it (the old versions stay). */
    public void nullify(String reason) {
        if (status != SponsorshipStatus.CONTRACT_SENT
                && status != SponsorshipStatus.SIGNED
                && status != SponsorshipStatus.EXECUTED) {
            throw new IllegalTransition("nullify the contract", status, "only a sent, signed or executed contract");
        }
        requireReason(reason);
        decisionNote = reason;
        revision++;
        sponsorSignature = null;
        foundationSignature = null;
        invoiceNumber = null;
        invoiceDue = null;
        invoiceTax = null;
        status = SponsorshipStatus.APPROVED;
    }

    /** The invoice was paid (by bank transfer recorded by staff, or by card). */
    public void paid(Instant at, String reference) {
        require(SponsorshipStatus.EXECUTED, "record the payment");
        paidAt = at;
        paymentReference = reference;
        status = SponsorshipStatus.PAID;
    }

    /**
     * Staff let an approved sponsor appear on the wall before the contract is executed (or stop it).
     * Only once approved: the dates are known from then on.
     */
    public void showBeforeExecution(boolean shown) {
        if (status == SponsorshipStatus.APPLIED
                || status == SponsorshipStatus.EDITING
                || status == SponsorshipStatus.REJECTED) {
            throw new IllegalTransition(
                    "show the sponsor on the wall early", status, "only once approved, with its dates");
        }
        shownBeforeExecution = shown;
    }

    /**
     * On the public wall: executed or paid, or approved and allowed early by staff, and today within
     * its dates.
     */
    public boolean activeOn(LocalDate day) {
        boolean executed = status == SponsorshipStatus.EXECUTED || status == SponsorshipStatus.PAID;
        boolean early = shownBeforeExecution
                && (status == SponsorshipStatus.APPROVED
                        || status == SponsorshipStatus.CONTRACT_SENT
                        || status == SponsorshipStatus.SIGNED);
        return (executed || early) && startDate != null && !day.isBefore(startDate) && !day.isAfter(endDate);
    }

    public boolean ownedBy(String account) {
        return owner.equals(account);
    }

    private void require(SponsorshipStatus expected, String action) {
        if (status != expected) {
            throw new IllegalTransition(
                    action,
                    status,
                    "only when " + expected.name().toLowerCase(Locale.ROOT).replace('_', ' '));
        }
    }

    private static void requireReason(String reason) {
        if (reason == null || reason.isBlank()) {
            throw new IllegalArgumentException("a reason is required");
        }
    }

    /** A transition that the sponsorship's state does not allow. */
    public static final class IllegalTransition extends RuntimeException {
        private static final long serialVersionUID = 1L;

        IllegalTransition(String action, SponsorshipStatus from, String rule) {
            super("Cannot " + action + ": the sponsorship is "
                    + from.name().toLowerCase(Locale.ROOT).replace('_', ' ') + " (" + rule + ")");
        }
    }

    public UUID id() {
        return id;
    }

    public String owner() {
        return owner;
    }

    public Organisation organisation() {
        return organisation;
    }

    public Selection selection() {
        return selection;
    }

    public Money fee() {
        return fee;
    }

    public SponsorshipStatus status() {
        return status;
    }

    public LocalDate startDate() {
        return startDate;
    }

    public LocalDate endDate() {
        return endDate;
    }

    public String decisionNote() {
        return decisionNote;
    }

    public int revision() {
        return revision;
    }

    public Signature sponsorSignature() {
        return sponsorSignature;
    }

    public Signature foundationSignature() {
        return foundationSignature;
    }

    public String invoiceNumber() {
        return invoiceNumber;
    }

    public LocalDate invoiceDue() {
        return invoiceDue;
    }

    /**
     * The tax the issued invoice charges; {@code null} when no invoice is issued, or when it was
     * issued before the invoice's figures were kept (migration V7): those invoices' tax is not known
     * here, and callers fall back to the tax settings of today.
     */
    public Money invoiceTax() {
        return invoiceTax;
    }

    /**
     * What the issued invoice asks for: the fee and its tax as issued; {@code null} as for {@link
     * #invoiceTax()}.
     */
    public Money invoiceTotal() {
        return invoiceTax == null ? null : fee.plus(invoiceTax);
    }

    public Instant paidAt() {
        return paidAt;
    }

    public String paymentReference() {
        return paymentReference;
    }

    public Instant appliedAt() {
        return appliedAt;
    }

    public Vetting vetting() {
        return vetting;
    }

    public boolean shownBeforeExecution() {
        return shownBeforeExecution;
    }
}
