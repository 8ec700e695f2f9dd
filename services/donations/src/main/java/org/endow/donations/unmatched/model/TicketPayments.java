package org.endow.donations.unmatched.model;

import java.util.List;
import org.endow.kernel.Money;

/** Which imported registrations a Stripe payment intent paid (one payment may pay several tickets). */
public interface TicketPayments {

    /**
     * @param holders the registrants whose ticket the payment paid, by event and email; empty when none
     * @param refundedOnCard what Endow itself refunded of that payment on the card, carrying out those registrants'
     *     answers (zero when nothing)
     */
    record Tickets(List<TicketHolder> holders, Money refundedOnCard) {
        public Tickets {
            holders = List.copyOf(holders);
        }
    }

    /**
     * The registrations the payment paid and what their answers refunded on its card, in {@code currency}; waits for
     * an answer being carried out on one of them (its refund may be what Stripe reports) to end.
     */
    Tickets paidBy(String paymentIntentId, String currency);
}
