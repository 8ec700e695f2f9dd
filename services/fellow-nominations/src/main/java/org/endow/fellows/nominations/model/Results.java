package org.endow.fellows.nominations.model;

import java.util.List;
import java.util.UUID;

/** The counts of each closed vote (never who voted how): what the minutes report. */
public interface Results {

    record Result(
            UUID nomineeId,
            String nomineeName,
            String cycle,
            int yes,
            int no,
            int abstain,
            int conflict,
            int notVoted,
            String decision) {}

    void record(Result result);

    List<Result> of(String cycle);
}
