package org.endow.fellows.nominations.model;

import java.time.LocalDate;
import java.time.MonthDay;
import java.util.List;

/**
 * The quarterly calendar: cut-off days of the year (defaults Feb 20, May 20, Aug 20, Nov 20) and the
 * day of the following month the review ends (default the 20th). A nomination lands in the first
 * cycle whose cut-off is on or after the day it was made.
 */
public final class CycleCalendar {

    private final List<MonthDay> cutOffs;
    private final int reviewEndDay;

    public CycleCalendar(List<MonthDay> cutOffs, int reviewEndDay) {
        if (cutOffs.isEmpty()) {
            throw new IllegalArgumentException("a calendar has at least one cut-off");
        }
        if (reviewEndDay < 1 || reviewEndDay > 28) {
            throw new IllegalArgumentException("the review ends on a day from 1 to 28, not " + reviewEndDay);
        }
        this.cutOffs = cutOffs.stream().sorted().distinct().toList();
        this.reviewEndDay = reviewEndDay;
    }

    public static CycleCalendar psf() {
        return new CycleCalendar(
                List.of(MonthDay.of(2, 20), MonthDay.of(5, 20), MonthDay.of(8, 20), MonthDay.of(11, 20)), 20);
    }

    /** The cycle a nomination made on {@code day} is reviewed in. */
    public Cycle cycleFor(LocalDate day) {
        for (int year = day.getYear(); ; year++) {
            for (int i = 0; i < cutOffs.size(); i++) {
                LocalDate cutOff = cutOffs.get(i).atYear(year);
                if (!cutOff.isBefore(day)) {
                    return cycle(year, i);
                }
            }
        }
    }

    /** The cycle after {@code cycle}. */
    public Cycle next(Cycle cycle) {
        return cycleFor(cycle.cutOff().plusDays(1));
    }

    private Cycle cycle(int year, int index) {
        LocalDate cutOff = cutOffs.get(index).atYear(year);
        LocalDate reviewEnd = cutOff.plusMonths(1).withDayOfMonth(reviewEndDay);
        if (!reviewEnd.isAfter(cutOff)) {
            reviewEnd = reviewEnd.plusMonths(1);
        }
        return new Cycle(year + "-Q" + (index + 1), cutOff, reviewEnd);
    }
}
