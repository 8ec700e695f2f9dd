package org.endow.donations.unmatched.application;

import io.micronaut.transaction.annotation.Transactional;
import jakarta.inject.Singleton;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import org.endow.donations.giving.model.StaffActions;
import org.endow.donations.unmatched.model.UnmatchedStripeEvent;
import org.endow.donations.unmatched.model.UnmatchedStripeEvents;
import org.endow.platform.problem.ProblemException;

/** Staff list the money Stripe took back on payments that paid no gift, and mark each explained with a note. */
@Singleton
public class ExplainingUnmatchedStripeEvent {

    public static final int MAX_ROWS = 1_000;

    private final UnmatchedStripeEvents unmatched;
    private final StaffActions audit;
    private final Clock clock;

    ExplainingUnmatchedStripeEvent(UnmatchedStripeEvents unmatched, StaffActions audit, Clock clock) {
        this.unmatched = unmatched;
        this.audit = audit;
        this.clock = clock;
    }

    /**
     * Newest first (by Stripe's time).
     *
     * @throws ProblemException 422 a limit outside 1..{@value #MAX_ROWS} or a negative offset
     */
    @Transactional
    public List<UnmatchedStripeEvent> list(Integer limit, Integer offset) {
        int rows = limit == null ? 200 : limit;
        if (rows < 1 || rows > MAX_ROWS) {
            throw ProblemException.invalidField("limit", "must be from 1 to " + MAX_ROWS);
        }
        int skip = offset == null ? 0 : offset;
        if (skip < 0) {
            throw ProblemException.invalidField("offset", "must be 0 or more");
        }
        return unmatched.latest(rows, skip);
    }

    /**
     * Staff explained it: stored once and audited.
     *
     * @throws ProblemException 404 unknown, 409 explained already, 422 no note or a note too long
     */
    @Transactional
    public UnmatchedStripeEvent explain(String staffId, String stripeEventId, String note) {
        UnmatchedStripeEvent found = unmatched
                .lock(stripeEventId)
                .orElseThrow(() -> ProblemException.notFound(
                        "No money taken back by Stripe event " + stripeEventId + " is recorded"));
        Instant now = clock.instant();
        UnmatchedStripeEvent explained;
        try {
            explained = found.explainedBy(staffId, note, now);
        } catch (IllegalArgumentException e) {
            throw ProblemException.invalidField("note", e.getMessage());
        } catch (IllegalStateException e) {
            throw ProblemException.conflict(e.getMessage());
        }
        unmatched.recordExplained(explained);
        audit.record(
                staffId,
                "stripe.unmatched.explained",
                stripeEventId,
                explained.kind().name().toLowerCase(java.util.Locale.ROOT) + " of "
                        + explained.amount().withSymbol() + " on " + explained.paymentIntentId() + ": "
                        + explained.explanation().orElseThrow().note(),
                now);
        return explained;
    }
}
