package org.endow.funds.transparency.model;

import java.time.YearMonth;

/**
 * Money received in one month from one kind of source, in one currency.
 *
 * @param source {@code donations} (later {@code sponsorships}, {@code in-kind})
 */
public record IncomeLine(YearMonth month, String source, long amountMinor, String currency) {}
