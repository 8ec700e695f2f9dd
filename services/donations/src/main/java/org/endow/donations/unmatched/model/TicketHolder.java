package org.endow.donations.unmatched.model;

/** A registrant of a ticketed event, imported with the Stripe payment intent that paid their ticket. */
public record TicketHolder(String eventCode, String email) {}
