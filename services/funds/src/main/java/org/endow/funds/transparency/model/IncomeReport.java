package org.endow.funds.transparency.model;

import java.util.List;

/** Read side of the ledger for the public page: income by month and source. */
public interface IncomeReport {

    /** Received money per month and source, oldest first, for the last {@code months} months. */
    List<IncomeLine> incomeByMonth(int months);
}
