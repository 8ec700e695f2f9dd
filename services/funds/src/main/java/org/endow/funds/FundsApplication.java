package org.endow.funds;

import org.endow.platform.app.EndowApplication;

public final class FundsApplication {

    private FundsApplication() {}

    public static void main(String[] args) {
        EndowApplication.run("funds", FundsApplication.class, args);
    }
}
