package org.endow.benchbaseline;

import io.micronaut.runtime.Micronaut;

/** The smallest Micronaut application the benchmarks compare Endow against. Not part of Endow itself. */
public final class BaselineApplication {

    private BaselineApplication() {}

    public static void main(String[] args) {
        Micronaut.run(BaselineApplication.class, args);
    }
}
