package org.endow.grants.proposals.model;

/** An action the proposal's state does not allow (answered as 409 Conflict). */
public class ProposalConflict extends RuntimeException {

    private static final long serialVersionUID = 1L;

    public ProposalConflict(String message) {
        super(message);
    }
}
