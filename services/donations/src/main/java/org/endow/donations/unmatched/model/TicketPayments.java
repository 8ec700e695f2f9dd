package org.endow.donations.unmatched.model;

import java.util.List;

/** Which imported registrations a Stripe payment intent paid (one payment may pay several tickets). */
public interface TicketPayments {

    /** @return the registrants whose ticket the payment paid, by event and email; empty when none */
    List<TicketHolder> paidBy(String paymentIntentId);
}
