package org.endow.donations.registrations.model;

/** The registrant already answered differently; the answer is final (HTTP 409). */
public final class AlreadyAnsweredException extends RuntimeException {

    private static final long serialVersionUID = 1L;

    public AlreadyAnsweredException(String message) {
        super(message);
    }
}
