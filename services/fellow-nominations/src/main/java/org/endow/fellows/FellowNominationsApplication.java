package org.endow.fellows;

import org.endow.platform.app.EndowApplication;

public final class FellowNominationsApplication {

    private FellowNominationsApplication() {}

    public static void main(String[] args) {
        EndowApplication.run("fellow-nominations", FellowNominationsApplication.class, args);
    }
}
