package org.endow.sponsors.sponsorships.model;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import org.endow.kernel.Money;
import org.endow.sponsors.catalogue.model.Benefit;
import org.endow.sponsors.catalogue.model.CapacityKind;
import org.junit.jupiter.api.Test;

class FeeSplitTest {

    static Benefit benefit(String code, String program, long value) {
        return new Benefit(
                code,
                program,
                code,
                "",
                Money.of(value, "USD"),
                Money.of(0, "USD"),
                null,
                CapacityKind.HARD,
                false,
                false,
                false,
                List.of(),
                List.of());
    }

    @Test
    void the_fee_is_split_by_internal_value_and_the_parts_add_up_to_the_fee_exactly() {
        List<FeeSplit.Share> shares = FeeSplit.of(
                Money.of(1_000_000, "USD"),
                List.of(
                        new Selection.Line(benefit("a", "foundation", 1), 1),
                        new Selection.Line(benefit("b", "packaging", 1), 1),
                        new Selection.Line(benefit("c", "pycon-us", 1), 1)));

        assertEquals(3, shares.size());
        assertEquals(
                1_000_000, shares.stream().mapToLong(s -> s.amount().minor()).sum());
        assertEquals(333_334, shares.getFirst().amount().minor(), "the remainder goes to one part, deterministically");
    }

    @Test
    void quantities_weigh_and_a_fee_without_internal_values_goes_to_the_foundation() {
        List<FeeSplit.Share> shares = FeeSplit.of(
                Money.of(900, "USD"),
                List.of(
                        new Selection.Line(benefit("a", "foundation", 100), 2),
                        new Selection.Line(benefit("b", "packaging", 100), 1)));
        assertEquals(600, shares.get(0).amount().minor());
        assertEquals(300, shares.get(1).amount().minor());

        List<FeeSplit.Share> none =
                FeeSplit.of(Money.of(900, "USD"), List.of(new Selection.Line(benefit("a", "pycon-us", 0), 1)));
        assertEquals(List.of(new FeeSplit.Share(FeeSplit.GENERAL_PROGRAM, Money.of(900, "USD"))), none);
    }
}
