package org.endow.grants;

import org.endow.platform.app.EndowApplication;

public final class GrantProposalsApplication {

    private GrantProposalsApplication() {}

    public static void main(String[] args) {
        EndowApplication.run("grant-proposals", GrantProposalsApplication.class, args);
    }
}
