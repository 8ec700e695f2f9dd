package org.endow.donations.registrations.model;

/** What happens, after the deadline, to the money of registrants who never answered. */
public enum DefaultAnswer {
    REFUND,
    DONATE;

    public Answer asAnswer() {
        return this == REFUND ? Answer.REFUND : Answer.DONATE_ALL;
    }
}
