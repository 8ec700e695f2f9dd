package org.endow.funds.ledger.model;

import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.UUID;
import org.endow.kernel.Money;

/**
 * A balanced set of postings recording one fact, made from exactly one source event. The ledger
 * holds only these; it is never edited, a mistake is corrected by a reversing entry.
 */
public record JournalEntry(
        UUID id,
        UUID sourceEventId,
        EntryKind kind,
        String fundCode,
        String description,
        Instant occurredAt,
        List<Posting> postings) {

    public JournalEntry {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(sourceEventId, "sourceEventId");
        Objects.requireNonNull(kind, "kind");
        Objects.requireNonNull(fundCode, "fundCode");
        Objects.requireNonNull(occurredAt, "occurredAt");
        postings = List.copyOf(postings);
        if (postings.size() < 2) {
            throw new IllegalArgumentException("an entry has at least two postings");
        }
        Map<String, Long> net = new HashMap<>();
        for (Posting p : postings) {
            long signed =
                    p.side() == Side.DEBIT ? p.amount().minor() : -p.amount().minor();
            net.merge(p.amount().currencyCode(), signed, Math::addExact);
        }
        net.forEach((currency, sum) -> {
            if (sum != 0) {
                throw new IllegalArgumentException("entry does not balance in " + currency + " by " + sum);
            }
        });
    }

    /** A donor pledged a gift to a fund: a receivable for the foundation, a gift to the fund. */
    public static JournalEntry pledge(
            UUID sourceEventId, String donationId, String fundCode, Money amount, Instant at) {
        return new JournalEntry(
                derivedId("pledge", sourceEventId),
                sourceEventId,
                EntryKind.DONATION_PLEDGED,
                fundCode,
                "Pledge " + donationId,
                at,
                List.of(
                        Posting.debit(Account.PLEDGES_RECEIVABLE, fundCode, amount),
                        Posting.credit(Account.FUND_BALANCE, fundCode, amount)));
    }

    /** The money of a pledge arrived: cash in, the receivable settled; the fund's balance is unchanged. */
    public static JournalEntry receipt(
            UUID sourceEventId, String donationId, String fundCode, Money amount, Instant at) {
        return new JournalEntry(
                derivedId("receipt", sourceEventId),
                sourceEventId,
                EntryKind.DONATION_RECEIVED,
                fundCode,
                "Received " + donationId,
                at,
                List.of(
                        Posting.debit(Account.CASH, fundCode, amount),
                        Posting.credit(Account.PLEDGES_RECEIVABLE, fundCode, amount)));
    }

    /**
     * Staff move raised money from one fund to another (typically the general fund to an earmarked
     * item): the cash and the fund balance both move.
     */
    public static JournalEntry transfer(
            UUID commandId, String fromFund, String toFund, Money amount, String reason, Instant at) {
        if (fromFund.equals(toFund)) {
            throw new IllegalArgumentException("a transfer needs two different funds");
        }
        return new JournalEntry(
                commandId,
                commandId,
                EntryKind.TRANSFER,
                toFund,
                "Transfer from " + fromFund + ": " + reason,
                at,
                List.of(
                        Posting.debit(Account.CASH, toFund, amount),
                        Posting.credit(Account.CASH, fromFund, amount),
                        Posting.debit(Account.FUND_BALANCE, fromFund, amount),
                        Posting.credit(Account.FUND_BALANCE, toFund, amount)));
    }

    /** Staff record a contribution in kind at its value: it is given to the fund, but it is not cash. */
    public static JournalEntry inKind(UUID commandId, String fundCode, Money value, String description, Instant at) {
        return new JournalEntry(
                commandId,
                commandId,
                EntryKind.IN_KIND,
                fundCode,
                "In kind: " + description,
                at,
                List.of(
                        Posting.debit(Account.IN_KIND, fundCode, value),
                        Posting.credit(Account.FUND_BALANCE, fundCode, value)));
    }

    /**
     * A milestone of an approved grant was paid: cash leaves the fund as a grant expense. What was
     * given to the fund is unchanged; what it holds is less.
     */
    public static JournalEntry grantDisbursed(
            UUID sourceEventId, String grantId, int milestone, String fundCode, Money amount, Instant at) {
        return new JournalEntry(
                derivedId("grant-disbursed", sourceEventId),
                sourceEventId,
                EntryKind.GRANT_DISBURSED,
                fundCode,
                "Grant " + grantId + ", milestone " + milestone,
                at,
                List.of(
                        Posting.debit(Account.GRANTS_PAID, fundCode, amount),
                        Posting.credit(Account.CASH, fundCode, amount)));
    }

    /**
     * Money of a received gift went back to the donor (a refund, or a card dispute the foundation
     * lost): cash leaves the fund and so does what was given to it.
     */
    public static JournalEntry giftReturned(
            UUID sourceEventId, EntryKind kind, String donationId, String fundCode, Money amount, Instant at) {
        if (kind != EntryKind.DONATION_REFUNDED && kind != EntryKind.DONATION_CHARGED_BACK) {
            throw new IllegalArgumentException(kind + " does not return a gift");
        }
        return new JournalEntry(
                derivedId(kind.name().toLowerCase(java.util.Locale.ROOT), sourceEventId),
                sourceEventId,
                kind,
                fundCode,
                (kind == EntryKind.DONATION_REFUNDED ? "Refunded " : "Dispute lost, ") + donationId,
                at,
                List.of(
                        Posting.debit(Account.FUND_BALANCE, fundCode, amount),
                        Posting.credit(Account.CASH, fundCode, amount)));
    }

    /**
     * A sponsorship's invoice was paid: cash in, given to each fund its part of the fee (restricted
     * programs to their funded items, the rest to the general fund).
     *
     * @param parts the fee per fund code, adding up to the fee
     */
    public static JournalEntry sponsorshipPaid(
            UUID sourceEventId,
            String sponsorshipId,
            String organisation,
            java.util.Map<String, Money> parts,
            Instant at) {
        List<Posting> postings = new java.util.ArrayList<>();
        String mainFund = null;
        Money largest = null;
        for (java.util.Map.Entry<String, Money> part : parts.entrySet()) {
            postings.add(Posting.debit(Account.CASH, part.getKey(), part.getValue()));
            postings.add(Posting.credit(Account.FUND_BALANCE, part.getKey(), part.getValue()));
            if (largest == null || part.getValue().compareTo(largest) > 0) {
                largest = part.getValue();
                mainFund = part.getKey();
            }
        }
        return new JournalEntry(
                derivedId("sponsorship-paid", sourceEventId),
                sourceEventId,
                EntryKind.SPONSORSHIP_PAID,
                mainFund,
                "Sponsorship " + organisation + " (" + sponsorshipId + ")",
                at,
                postings);
    }

    /** The same source event always yields the same entry id, so a replay finds the entry it made. */
    private static UUID derivedId(String kind, UUID sourceEventId) {
        return UUID.nameUUIDFromBytes((kind + ":" + sourceEventId).getBytes(java.nio.charset.StandardCharsets.UTF_8));
    }

    public enum EntryKind {
        DONATION_PLEDGED,
        DONATION_RECEIVED,
        DONATION_REFUNDED,
        DONATION_CHARGED_BACK,
        SPONSORSHIP_PAID,
        TRANSFER,
        IN_KIND,
        GRANT_DISBURSED
    }
}
