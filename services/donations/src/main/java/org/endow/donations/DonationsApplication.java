package org.endow.donations;

import org.endow.platform.app.EndowApplication;

public final class DonationsApplication {

    private DonationsApplication() {}

    public static void main(String[] args) {
        EndowApplication.run("donations", DonationsApplication.class, args);
    }
}
