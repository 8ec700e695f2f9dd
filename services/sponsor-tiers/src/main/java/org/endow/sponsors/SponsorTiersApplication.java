package org.endow.sponsors;

import org.endow.platform.app.EndowApplication;

public final class SponsorTiersApplication {

    private SponsorTiersApplication() {}

    public static void main(String[] args) {
        EndowApplication.run("sponsor-tiers", SponsorTiersApplication.class, args);
    }
}
