package org.endow.sponsors.catalogue.application;

/** Staff copy one year's catalogue into a year that has none yet. */
public record CloneYearCommand(String staffId, int fromYear, int toYear) {}
